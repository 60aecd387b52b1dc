package vn.egov.interchange.statistics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.StatisticsRange;

/**
 * Số liệu văn bản: the axis's own counts of documents accepted in a range of days (Vietnam time, both ends
 * included), optionally of one sending agency, with their deliveries and how many of those the recipient has
 * acknowledged — what the reporting system reconciles its event-built figures against. Counts only.
 */
@RestController
class StatisticsController {

    private final JdbcClient jdbc;

    StatisticsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param documents documents accepted from the sender(s) in the range
     * @param deliveries their deliveries, one per recipient
     * @param delivered of those, acknowledged by the recipient's system
     */
    record DocumentCounts(
            LocalDate from, LocalDate to, String sender, long documents, long deliveries, long delivered) {}

    @GetMapping("/api/interchange/statistics/documents")
    DocumentCounts documents(
            @RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) String sender) {
        StatisticsRange range = StatisticsRange.of(from, to, "sender", sender);
        return jdbc.sql("""
                        select count(distinct d.id) as documents,
                               count(v.id) as deliveries,
                               count(v.id) filter (where v.delivered_at is not null) as delivered
                          from document d left join delivery v on v.document_id = d.id
                         where d.received_at >= :start and d.received_at < :end
                           and (cast(:sender as text) is null or d.sender_code = :sender)""")
                .param("start", range.start())
                .param("end", range.end())
                .param("sender", sender)
                .query((rs, n) -> new DocumentCounts(
                        from, to, sender, rs.getLong("documents"), rs.getLong("deliveries"), rs.getLong("delivered")))
                .single();
    }
}
