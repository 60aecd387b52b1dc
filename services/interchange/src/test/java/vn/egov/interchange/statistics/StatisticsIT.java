package vn.egov.interchange.statistics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.platform.testing.TestTokens;

/** The axis's own document counts, which the reporting system reconciles its figures against. */
class StatisticsIT extends InterchangeIT {

    static final String G22 = "0b6d8c2e-0000-4000-8000-000000000022";
    static final String G12 = "0b6d8c2e-0000-4000-8000-000000000012";
    static final String G17 = "0b6d8c2e-0000-4000-8000-000000000017";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    int number;

    @BeforeEach
    void documents() {
        jdbc.sql("delete from delivery_event").update();
        jdbc.sql("delete from delivery").update();
        jdbc.sql("delete from document").update();
        // 1 November 00:30 in Vietnam is 31 October in UTC: it counts in November
        document(G22, "000.00.00.G22", "2026-10-31T17:30:00Z", true, false);
        document(G22, "000.00.00.G22", "2026-11-20T03:00:00Z", true, true);
        document(G12, "000.00.00.G12", "2026-11-21T03:00:00Z", false, false);
        document(G22, "000.00.00.G22", "2026-10-31T16:59:00Z", true, true); // 31 October in Vietnam
    }

    /** A document from {@code sender} to G17 and G12, one delivery acknowledged or none. */
    void document(String senderId, String senderCode, String receivedAt, boolean firstDelivered, boolean both) {
        UUID id = UUID.randomUUID();
        number++;
        jdbc.sql("""
                        insert into document (id, document_id, sender_id, sender_code, code_number, code_notation,
                          promulgation_date, subject, priority, package, package_sha256, package_size, received_at,
                          received_by)
                        values (?, ?, cast(? as uuid), ?, ?, 'TEST', date '2026-11-01', 'Thử', 0, '\\x00'::bytea,
                          repeat('0', 64), 1, cast(? as timestamptz), 'test')""")
                .params(
                        id,
                        senderCode + ",2026/11/01," + number + "/TEST",
                        senderId,
                        senderCode,
                        "" + number,
                        receivedAt)
                .update();
        delivery(id, G17, "000.00.00.G17", firstDelivered);
        delivery(id, senderId.equals(G12) ? G22 : G12, "000.00.00.G12", both);
    }

    void delivery(UUID document, String recipientId, String recipientCode, boolean delivered) {
        jdbc.sql("""
                        insert into delivery (id, document_id, recipient_id, recipient_code, urgency, state, created_at,
                          delivered_at)
                        values (?, ?, cast(? as uuid), ?, 0, ?, now(), ?)""")
                .params(
                        UUID.randomUUID(),
                        document,
                        recipientId,
                        recipientCode,
                        delivered ? "DELIVERED" : "PENDING",
                        delivered ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
                .update();
    }

    @Test
    void countsDocumentsDeliveriesAndAcknowledgementsInTheRangeInVietnamTime() throws Exception {
        mvc.perform(get("/api/interchange/statistics/documents?from=2026-11-01&to=2026-11-30")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").value(3))
                .andExpect(jsonPath("$.deliveries").value(6))
                .andExpect(jsonPath("$.delivered").value(3));
        mvc.perform(get("/api/interchange/statistics/documents?from=2026-11-01&to=2026-11-30&sender=000.00.00.G22")
                        .with(TestTokens.staff("reporter.vpcp", "000.00.00.G22", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").value(2))
                .andExpect(jsonPath("$.deliveries").value(4))
                .andExpect(jsonPath("$.delivered").value(3));
    }

    @Test
    void aBadRangeOrSenderIsNamedAndNoTokenIsRefused() throws Exception {
        mvc.perform(get("/api/interchange/statistics/documents?from=2026-11-30&to=2026-11-01")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/interchange/statistics/documents?from=2026-11-01&to=2026-11-30&sender=;drop")
                        .with(TestTokens.staff("auditor", null, "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sender"));
        mvc.perform(get("/api/interchange/statistics/documents?from=2026-11-01&to=2026-11-30"))
                .andExpect(status().isUnauthorized());
    }
}
