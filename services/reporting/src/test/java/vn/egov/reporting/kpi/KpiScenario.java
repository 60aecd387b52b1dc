package vn.egov.reporting.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.testing.TestKafka;

/**
 * One month of activity (reporting period 2026-11: 15/10 to 14/11/2026) seen from the figures' side, sent in an
 * awkward order: late versions before early ones, a duplicate, a record that is not a CloudEvent and one that
 * breaks its schema in the middle. The figures it must give, with the clock on 20/11/2026:
 *
 * <pre>
 * agency H57 (Huế): 5 dossiers filed, 3 online (60%); procedures 4, at level 4 2 (50%); toàn trình 2 (40%);
 *   done 3, on time 2 (66.7%); overdue 2 (one done late, one open past due); payments paid 2, online 1 (50%);
 *   ratings 2, total 17 + 16 (16.5); documents sent 2 deliveries, 1 acknowledged (50%);
 *   feedback as recipient 1 of 1 on time (100%)
 * agency G12: 1 dossier filed, online; documents received: feedback 0 of 2 on time
 * agency G22: documents sent 2 deliveries, both acknowledged (100%); feedback 0 of 1
 * national: 6 filed, 4 online (66.7%); 5 procedures, 2 at level 4 (40%); electronic 3 of 4 (75%)
 * </pre>
 */
public final class KpiScenario {

    public static final String HUE = "000.00.00.H57";
    public static final String G12 = "000.00.00.G12";
    public static final String G22 = "000.00.00.G22";
    public static final String PERIOD = "2026-11";

    public final String dossierTopic;
    public final String paymentTopic;
    public final String documentTopic;

    /** The record that is not a CloudEvent and the one that breaks its schema: keys to find them dead-lettered. */
    public final String notACloudEventKey = UUID.randomUUID().toString();

    public final String schemaBreakingKey = UUID.randomUUID().toString();

    public KpiScenario(String suffix) {
        this.dossierTopic = "portal.dossier.v1." + suffix;
        this.paymentTopic = "portal.payment.v1." + suffix;
        this.documentTopic = "interchange.document.v1." + suffix;
    }

    /** The events, in the order they are sent. */
    public List<ProducerRecord<String, byte[]>> records() {
        List<ProducerRecord<String, byte[]>> r = new ArrayList<>();
        UUID d1 = UUID.randomUUID();
        UUID d2 = UUID.randomUUID();
        UUID d3 = UUID.randomUUID();
        UUID d4 = UUID.randomUUID();
        UUID d5 = UUID.randomUUID();
        UUID d6 = UUID.randomUUID();

        // d1: online, level 4 toàn trình, done on time; versions arrive 5, 1, 2 and 5 again (duplicate)
        ObjectNode d1v5 = dossier(d1, HUE, "1.001193", 4, true, "ONLINE", 9, 5, "2026-11-05T03:00:00Z");
        d1v5.put("dueDate", "2026-11-06").put("completedAt", "2026-11-05T03:00:00Z");
        var d1v5Record = event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d1v5);
        r.add(d1v5Record);
        r.add(event(
                dossierTopic,
                KpiEvents.DOSSIER_STATUS_CHANGED,
                dossier(d1, HUE, "1.001193", 4, true, "ONLINE", 1, 1, "2026-11-02T01:00:00Z")));
        ObjectNode d1v2 = dossier(d1, HUE, "1.001193", 4, true, "ONLINE", 2, 2, "2026-11-02T02:00:00Z");
        d1v2.put("dueDate", "2026-11-06");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d1v2));
        r.add(ContractEvents.record(
                dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, header(d1v5Record, "ce_id"), d1v5.deepCopy()));

        // d2: online, level 3, done late (due 7/11, done 10/11)
        ObjectNode d2v4 = dossier(d2, HUE, "1.000001", 3, false, "ONLINE", 9, 4, "2026-11-10T03:00:00Z");
        d2v4.put("dueDate", "2026-11-07").put("completedAt", "2026-11-10T03:00:00Z");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d2v4));

        // a record that is not a CloudEvent, then one whose data breaks the schema (status 42)
        r.add(new ProducerRecord<>(dossierTopic, notACloudEventKey, "{\"status\": 9}".getBytes()));
        ObjectNode broken = dossier(
                UUID.fromString(schemaBreakingKey), HUE, "1.000009", 3, false, "ONLINE", 42, 1, "2026-11-03T03:00:00Z");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, broken));

        // d3: at the counter, in process, due 12/11: overdue by 20/11
        ObjectNode d3v3 = dossier(d3, HUE, "1.000002", 3, false, "COUNTER", 4, 3, "2026-11-04T03:00:00Z");
        d3v3.put("dueDate", "2026-11-12");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d3v3));
        // d4: at the counter, level 4 procedure, accepted, due 25/11: not overdue yet
        ObjectNode d4v2 = dossier(d4, HUE, "1.000003", 4, false, "COUNTER", 2, 2, "2026-11-04T03:00:00Z");
        d4v2.put("dueDate", "2026-11-25");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d4v2));
        // d5: online toàn trình, result returned on time
        ObjectNode d5v6 = dossier(d5, HUE, "1.001193", 4, true, "ONLINE", 10, 6, "2026-11-03T09:00:00Z");
        d5v6.put("dueDate", "2026-11-04").put("completedAt", "2026-11-03T08:00:00Z");
        r.add(event(dossierTopic, KpiEvents.DOSSIER_STATUS_CHANGED, d5v6));
        // d6: agency G12, online, in process, no due date
        r.add(event(
                dossierTopic,
                KpiEvents.DOSSIER_STATUS_CHANGED,
                dossier(d6, G12, "1.000004", 3, false, "ONLINE", 4, 3, "2026-11-06T03:00:00Z")));
        // a dossier filed in the previous period (October 10th) does not count in 2026-11
        r.add(event(
                dossierTopic,
                KpiEvents.DOSSIER_STATUS_CHANGED,
                dossier(UUID.randomUUID(), HUE, "1.000005", 3, false, "ONLINE", 2, 2, "2026-10-10T03:00:00Z")));

        // ratings: d1 17; d5 rated twice, version 8 (16) arrives before version 7 (14)
        r.add(event(dossierTopic, KpiEvents.DOSSIER_RATED, rating(d1, HUE, 17, 6, "2026-11-06T01:00:00Z")));
        r.add(event(dossierTopic, KpiEvents.DOSSIER_RATED, rating(d5, HUE, 16, 8, "2026-11-07T01:00:00Z")));
        r.add(event(dossierTopic, KpiEvents.DOSSIER_RATED, rating(d5, HUE, 14, 7, "2026-11-06T01:00:00Z")));

        // payments: p1 online, PAID (v2) arrives before PENDING (v1); p2 at the counter, paid; p3 online, failed
        UUID p1 = UUID.randomUUID();
        r.add(event(paymentTopic, KpiEvents.PAYMENT_STATUS_CHANGED, payment(p1, d1, "ONLINE", "PAID", 2)));
        r.add(event(paymentTopic, KpiEvents.PAYMENT_STATUS_CHANGED, payment(p1, d1, "ONLINE", "PENDING", 1)));
        r.add(event(
                paymentTopic, KpiEvents.PAYMENT_STATUS_CHANGED, payment(UUID.randomUUID(), d3, "COUNTER", "PAID", 2)));
        r.add(event(
                paymentTopic, KpiEvents.PAYMENT_STATUS_CHANGED, payment(UUID.randomUUID(), d2, "ONLINE", "FAILED", 2)));

        // documents, Monday 2/11 08:30 Vietnam time: feedback due by the end of Tuesday 3/11
        UUID doc1 = UUID.randomUUID();
        r.add(event(documentTopic, KpiEvents.DOCUMENT_SENT, sent(doc1, G22, List.of(HUE, G12))));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_DELIVERED, delivered(doc1, HUE, "2026-11-02T01:31:00Z")));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_STATUS_CHANGED, status(doc1, HUE, "03", "2026-11-02T03:00:00Z")));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_DELIVERED, delivered(doc1, G12, "2026-11-02T01:32:00Z")));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_STATUS_CHANGED, status(doc1, G12, "03", "2026-11-05T03:00:00Z")));
        // doc2 H57 → G22: the arrival status comes before the document itself; no feedback ever
        UUID doc2 = UUID.randomUUID();
        r.add(event(documentTopic, KpiEvents.DOCUMENT_STATUS_CHANGED, status(doc2, G22, "01", "2026-11-02T01:35:00Z")));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_SENT, sent(doc2, HUE, List.of(G22))));
        // doc3 H57 → G12: never acknowledged
        r.add(event(documentTopic, KpiEvents.DOCUMENT_SENT, sent(UUID.randomUUID(), HUE, List.of(G12))));
        // doc4 G22 → H57: recalled, counts nowhere
        UUID doc4 = UUID.randomUUID();
        r.add(event(documentTopic, KpiEvents.DOCUMENT_SENT, sent(doc4, G22, List.of(HUE))));
        r.add(event(documentTopic, KpiEvents.DOCUMENT_RECALLED, recalled(doc4, HUE, "2026-11-02T05:00:00Z")));
        return r;
    }

    public void send() {
        records().forEach(TestKafka::send);
    }

    static ProducerRecord<String, byte[]> event(String topic, String type, ObjectNode data) {
        return ContractEvents.record(topic, type, data);
    }

    static String header(ProducerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int sequence;

    static ObjectNode dossier(
            UUID id,
            String agency,
            String procedure,
            int level,
            boolean fullyOnline,
            String channel,
            int status,
            int version,
            String occurredAt) {
        ObjectNode d = ContractEvents.example(KpiEvents.DOSSIER_STATUS_CHANGED);
        String day = occurredAt.substring(2, 4) + occurredAt.substring(5, 7) + occurredAt.substring(8, 10);
        d.put("id", id.toString())
                .put("code", agency + "-" + day + "-" + String.format("%04d", ++sequence % 10_000))
                .put("procedureCode", procedure)
                .put("agencyCode", agency)
                .put("level", level)
                .put("fullyOnline", fullyOnline)
                .put("channel", channel)
                .put("status", status)
                .put("version", version)
                .put("occurredAt", occurredAt)
                .put("submittedAt", occurredAt.substring(0, 10) + "T01:00:00Z")
                .putNull("previousStatus")
                .putNull("receivedAt")
                .putNull("dueDate")
                .putNull("rescheduledDate")
                .putNull("completedAt");
        return d;
    }

    static ObjectNode rating(UUID dossier, String agency, int total, int version, String ratedAt) {
        ObjectNode r = ContractEvents.example(KpiEvents.DOSSIER_RATED);
        var scores = r.putArray("scores");
        int left = total;
        for (int i = 0; i < 9; i++) {
            int s = Math.min(2, left);
            scores.add(s);
            left -= s;
        }
        return r.put("id", dossier.toString())
                .put("agencyCode", agency)
                .put("total", total)
                .put("version", version)
                .put("ratedAt", ratedAt);
    }

    ObjectNode payment(UUID id, UUID dossier, String method, String status, int version) {
        ObjectNode p = ContractEvents.example(KpiEvents.PAYMENT_STATUS_CHANGED);
        return p.put("id", id.toString())
                .put("dossierId", dossier.toString())
                .put("agencyCode", HUE)
                .put("method", method)
                .put("status", status)
                .put("version", version)
                .put("occurredAt", "2026-11-02T01:20:0" + version + "Z");
    }

    static ObjectNode sent(UUID id, String sender, List<String> recipients) {
        ObjectNode s = ContractEvents.example(KpiEvents.DOCUMENT_SENT);
        var list = s.putArray("recipients");
        recipients.forEach(list::add);
        return s.put("id", id.toString())
                .put("documentId", sender + ",2026/11/02," + id.toString().substring(0, 4) + "/VPCP-TTĐT")
                .put("sender", sender)
                .put("receivedAt", "2026-11-02T01:30:00Z");
    }

    static ObjectNode delivered(UUID id, String recipient, String at) {
        ObjectNode d = ContractEvents.example(KpiEvents.DOCUMENT_DELIVERED);
        return d.put("id", id.toString()).put("recipient", recipient).put("deliveredAt", at);
    }

    static ObjectNode status(UUID id, String recipient, String code, String at) {
        ObjectNode s = ContractEvents.example(KpiEvents.DOCUMENT_STATUS_CHANGED);
        return s.put("id", id.toString())
                .put("recipient", recipient)
                .put("reportedBy", recipient)
                .put("statusCode", code)
                .put("reportedAt", at);
    }

    static ObjectNode recalled(UUID id, String recipient, String at) {
        ObjectNode s = ContractEvents.example(KpiEvents.DOCUMENT_RECALLED);
        return s.put("id", id.toString()).put("recipient", recipient).put("recalledAt", at);
    }
}
