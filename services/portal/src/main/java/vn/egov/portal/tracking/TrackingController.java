package vn.egov.portal.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.DossierStatus;

/**
 * Tra cứu hồ sơ — anyone looks up a dossier's public status by its code and the applicant's personal ID number,
 * without logging in. Only the public status is returned; a wrong number, an unknown code or a draft all answer
 * the same 404, so the endpoint tells nothing about which dossiers exist. One indexed query, no session: the
 * gateway's rate limit applies per client address.
 */
@RestController
class TrackingController {

    private final JdbcClient jdbc;

    TrackingController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trạng thái công khai của hồ sơ. */
    record PublicStatus(
            String code,
            String procedureCode,
            String procedureName,
            String agencyName,
            int status,
            String statusLabel,
            LocalDate appointmentDate,
            Instant updatedAt) {}

    @GetMapping("/api/portal/tracking")
    ResponseEntity<PublicStatus> track(@RequestParam String code, @RequestParam String pid) {
        if (code.length() > 60 || !pid.matches("[0-9]{12}")) {
            throw notFound();
        }
        PublicStatus status = jdbc.sql("""
                        select d.code, d.procedure_code, p.name, p.agency_name, d.status,
                          coalesce(d.rescheduled_date, d.due_date) as appointment, d.updated_at
                        from dossier d join procedure p on p.code = d.procedure_code
                        where d.code = ? and d.applicant_pid = ? and d.status is not null""")
                .params(code, pid)
                .query((rs, n) -> new PublicStatus(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        DossierStatus.of(rs.getInt(5)).label(),
                        rs.getObject(6, LocalDate.class),
                        rs.getTimestamp(7).toInstant()))
                .optional()
                .orElseThrow(TrackingController::notFound);
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate())
                .body(status);
    }

    private static ApiProblem notFound() {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "tracking-not-found",
                "Không tìm thấy hồ sơ với mã hồ sơ và số định danh đã nhập.");
    }
}
