package vn.egov.registry.accesslog.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.ChainReport;

/** For auditors (role {@code auditor}): is the access log's hash chain intact, and if not, where it breaks. */
@RestController
@PreAuthorize("hasRole('auditor')")
class AuditController {

    private final AccessLog accessLog;

    AuditController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/registry/access-log/verification")
    ChainReport verify() {
        return accessLog.verify();
    }
}
