package vn.egov.portal.statistics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.StatisticsRange;

/**
 * Số liệu hồ sơ: the portal's own counts of dossiers for a range of days (Vietnam time, both ends included),
 * optionally for one competent agency — what the reporting system reconciles its event-built figures against.
 * Counts only, no personal data; any caller with an egov role.
 */
@RestController
class StatisticsController {

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
        StatisticsRange range = StatisticsRange.of(from, to, "agency", agency);
        return jdbc.sql("""
                        select count(*) filter (where submitted_at >= :start and submitted_at < :end) as filed,
                               count(*) filter (where submitted_at >= :start and submitted_at < :end
                                   and channel = 'ONLINE') as filed_online,
                               count(*) filter (where completed_at >= :start and completed_at < :end
                                   and status in (9, 10)) as done
                          from dossier
                         where status is not null
                           and (cast(:agency as text) is null or agency_code = :agency)""")
                .param("start", range.start())
                .param("end", range.end())
                .param("agency", agency)
                .query((rs, n) -> new DossierCounts(
                        from, to, agency, rs.getLong("filed"), rs.getLong("filed_online"), rs.getLong("done")))
                .single();
    }
}
