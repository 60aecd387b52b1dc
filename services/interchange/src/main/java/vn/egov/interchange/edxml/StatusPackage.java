package vn.egov.interchange.edxml;

import java.time.LocalDateTime;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.EdxmlPackage.StaffInfo;

/**
 * Gói tin trạng thái — a status package: who reports ({@code From}), about which document ({@code ResponseFor}),
 * the status code (01–06, 13, 15, 16), a description, the time (Vietnam time) and the staff handling it.
 */
public record StatusPackage(
        ResponseFor responseFor,
        Organisation from,
        String statusCode,
        String description,
        LocalDateTime timestamp,
        StaffInfo staffInfo) {}
