package vn.egov.portal.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * Số liệu hồ sơ: the portal's own counts of dossiers for a range of days (Vietnam time, both ends included),
 * optionally for one competent agency — what the reporting system reconciles its event-built figures against.
 * Counts only, no personal data; any caller with an egov role.
 */
@RestController
class StatisticsController {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_DAYS = 400;

    private final JdbcClient jdbc;

    StatisticsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param filed dossiers submitted in the range
     * @param filedOnline of those, filed online
     * @param done dossiers whose processing ended with a result (status 9 or 10) in the range
     */
    record DossierCounts(LocalDate from, LocalDate to, String agency, long filed, long filedOnline, long done) {}

    @GetMapping("/api/portal/statistics/dossiers")
    DossierCounts dossiers(
            @RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) String agency) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Khoảng thời gian không hợp lệ.",
                    List.of(new FieldProblem(
                            "to", "Ngày kết thúc phải từ ngày bắt đầu đến tối đa " + MAX_DAYS + " ngày sau đó.")));
        }
        if (agency != null && !agency.matches("[0-9A-Z.]{1,35}")) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Mã cơ quan không hợp lệ.",
                    List.of(new FieldProblem("agency", "Mã định danh cơ quan theo QCVN 102:2016.")));
        }
        var start = from.atStartOfDay(VIETNAM).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime();
        return jdbc.sql("""
                        select count(*) filter (where submitted_at >= :start and submitted_at < :end) as filed,
                               count(*) filter (where submitted_at >= :start and submitted_at < :end
                                   and channel = 'ONLINE') as filed_online,
                               count(*) filter (where completed_at >= :start and completed_at < :end
                                   and status in (9, 10)) as done
                          from dossier
                         where status is not null
                           and (cast(:agency as text) is null or agency_code = :agency)""")
                .param("start", start)
                .param("end", end)
                .param("agency", agency)
                .query((rs, n) -> new DossierCounts(
                        from, to, agency, rs.getLong("filed"), rs.getLong("filed_online"), rs.getLong("done")))
                .single();
    }
}
