package vn.egov.reporting.regime;

/**
 * Cơ quan thực hiện báo cáo — an agency that must file a regime's report: its QCVN 102 organisation code, its
 * name and the mail address filing reminders go to.
 */
public record AssignedAgency(String code, String name, String email) {}
