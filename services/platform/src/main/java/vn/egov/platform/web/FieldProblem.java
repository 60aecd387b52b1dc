package vn.egov.platform.web;

/** One reason a request was refused, tied to the field (JSON path, parameter or header) that caused it. */
public record FieldProblem(String field, String reason) {}
