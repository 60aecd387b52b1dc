package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One dossier across the running backbone, every part real: the citizen logs in at Keycloak through the
 * gateway, starts a dossier, lets the portal pre-fill it from the population registry with consent, submits it
 * and gets a receipt and an e-mail; an officer of the competent agency (another Keycloak login) receives,
 * processes and completes it with a signed e-result and returns it; the citizen reads the result and rates the
 * service; the reporting system's figures for the agency count the dossier, from the portal's events.
 */
class DossierJourneyTest {

    static final String PROCEDURE = "1.004873"; // Cấp Giấy xác nhận tình trạng hôn nhân, UBND TP Huế
    static final String AGENCY = "000.00.00.H57";
    static final String MAIL_API = System.getProperty("egov.mail.url", "http://localhost:2580");

    @Test
    void aCitizensDossierGoesFromFilingToResultAndIntoTheAgencysFigures() throws Exception {
        BrowserSession reporter = new BrowserSession();
        reporter.logIn("reporter.hue", Stack.PASSWORD);
        long onlineBefore = onlineFilings(reporter);

        BrowserSession citizen = new BrowserSession();
        citizen.logIn(Stack.CITIZEN, Stack.PASSWORD);
        String email = "an." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";

        // a draft, pre-filled from the registry under the citizen's consent
        HttpResponse<String> draft = citizen.send(
                "POST", Stack.GATEWAY + "/api/portal/dossiers", "{\"procedureCode\":\"" + PROCEDURE + "\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String id = JsonPath.read(draft.body(), "$.id");
        HttpResponse<String> prefill =
                citizen.send("GET", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/prefill?consent=true", null);
        assertThat(prefill.statusCode()).as(prefill.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(prefill.body(), "$.prefilledFields"))
                .as(prefill.body())
                .contains("nguoiNopHoSo.hoTen", "nguoiDuocXacNhan.ngaySinh");
        assertThat((String) JsonPath.read(prefill.body(), "$.form.nguoiNopHoSo.hoTen"))
                .isEqualTo("Nguyễn Văn An");

        // the citizen completes what the state does not know, and submits
        DocumentContext filled = JsonPath.parse(prefill.body());
        filled.put("$.form.nguoiNopHoSo", "email", email);
        filled.put("$.form", "tinhTrangHonNhan", "Chưa kết hôn");
        filled.put("$.form", "mucDichSuDung", "Bổ sung hồ sơ xin việc");
        String formJson =
                "{\"form\":" + JsonPath.parse((Object) filled.read("$.form")).jsonString() + "}";
        HttpResponse<String> saved =
                citizen.send("PUT", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/form", formJson);
        assertThat(saved.statusCode()).as(saved.body()).isLessThan(300);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> receipt = citizen.send(
                "POST", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/submission", null, "Idempotency-Key", key);
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
        String code = JsonPath.read(receipt.body(), "$.dossierCode");
        assertThat(code).matches("000\\.00\\.00\\.H57-\\d{6}-\\d{4}");
        HttpResponse<String> again = citizen.send(
                "POST", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/submission", null, "Idempotency-Key", key);
        assertThat((String) JsonPath.read(again.body(), "$.dossierCode")).isEqualTo(code);

        // anyone can follow it with the code and the applicant's number
        HttpResponse<String> tracking = Stack.get(
                Stack.GATEWAY + "/api/portal/tracking?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&pid="
                        + Stack.CITIZEN,
                null);
        assertThat(tracking.statusCode()).as(tracking.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(tracking.body(), "$.status")).isEqualTo(1);

        // the officer of the competent agency takes it through the one-stop steps
        BrowserSession officer = new BrowserSession();
        officer.logIn("officer.hue", Stack.PASSWORD);
        step(officer, id, "receive", "{\"note\":\"Hồ sơ đầy đủ\"}");
        step(officer, id, "process", "{\"note\":\"Thụ lý\"}");
        step(officer, id, "complete", "{\"decision\":\"Xác nhận công dân chưa kết hôn.\"}");
        step(officer, id, "return", "{\"note\":\"Trả kết quả điện tử\"}");

        HttpResponse<String> mine = citizen.send("GET", Stack.GATEWAY + "/api/portal/dossiers/" + id, null);
        assertThat((Integer) JsonPath.read(mine.body(), "$.dossier.status"))
                .as(mine.body())
                .isEqualTo(10);
        HttpResponse<String> result =
                citizen.send("GET", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/result", null);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).contains(code);

        HttpResponse<String> rating = citizen.send(
                "POST", Stack.GATEWAY + "/api/portal/dossiers/" + id + "/rating", "{\"scores\":[2,2,2,2,2,2,2,1,2]}");
        assertThat(rating.statusCode()).as(rating.body()).isLessThan(300);

        // the citizen was told by e-mail, in Vietnamese, through the stack's SMTP
        List<String> subjects = await(
                () -> {
                    HttpResponse<String> mails = Stack.get(
                            MAIL_API + "/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
                    List<String> found = JsonPath.read(mails.body(), "$[*].subject");
                    return found.size() >= 2 ? found : null;
                },
                Duration.ofSeconds(60));
        assertThat(String.join(" | ", subjects)).contains(code);

        // the reporting system counted it for the agency, from the portal's events
        long after = await(
                () -> {
                    long now = onlineFilings(reporter);
                    return now > onlineBefore ? now : null;
                },
                Duration.ofSeconds(60));
        assertThat(after).isGreaterThan(onlineBefore);

        // and can check its figures against the portal's and the interchange's own counts
        HttpResponse<String> reconciliation =
                reporter.send("GET", Stack.GATEWAY + "/api/reports/kpis/reconciliation?agency=" + AGENCY, null);
        assertThat(reconciliation.statusCode()).as(reconciliation.body()).isEqualTo(200);
        assertThat((List<Boolean>) JsonPath.read(reconciliation.body(), "$.sources[*].answered"))
                .as(reconciliation.body())
                .containsExactly(true, true);
    }

    /** Reads the dossier's version on the desk and performs a step with it as {@code If-Match}. */
    private static void step(BrowserSession officer, String id, String action, String body) throws Exception {
        HttpResponse<String> dossier = officer.send("GET", Stack.GATEWAY + "/api/portal/desk/dossiers/" + id, null);
        assertThat(dossier.statusCode()).as(dossier.body()).isEqualTo(200);
        String etag = dossier.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> done = officer.send(
                "POST", Stack.GATEWAY + "/api/portal/desk/dossiers/" + id + "/" + action, body, "If-Match", etag);
        assertThat(done.statusCode()).as(action + ": " + done.body()).isEqualTo(200);
    }

    /** The agency's count of dossiers filed online this period, as its reporter sees it. */
    private static long onlineFilings(BrowserSession reporter) throws Exception {
        HttpResponse<String> kpis = reporter.send("GET", Stack.GATEWAY + "/api/reports/kpis?agency=" + AGENCY, null);
        assertThat(kpis.statusCode()).as(kpis.body()).isEqualTo(200);
        List<Number> numerators = JsonPath.read(kpis.body(), "$.indicators[?(@.code == 'ONLINE_FILING')].numerator");
        return numerators.getFirst().longValue();
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, Duration within) throws Exception {
        Instant end = Instant.now().plus(within);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("nothing within " + within);
            }
            Thread.sleep(500);
        }
    }
}
