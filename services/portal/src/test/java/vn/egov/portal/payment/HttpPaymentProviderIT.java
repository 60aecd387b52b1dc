package vn.egov.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.security.Caller;
import vn.egov.platform.testing.EgovIntegrationTest;
import vn.egov.portal.dossier.DossierStatus;

/**
 * The portal pointed at a provider over HTTP ({@code egov.portal.payment.provider.base-url}): here the portal's own
 * SANDBOX served on a real port, so the HTTP client, the sandbox's HTTP face and the protocol meet on the wire.
 */
@EgovIntegrationTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "egov.portal.payment.jobs.enabled=false")
class HttpPaymentProviderIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StartPayment start;

    @Autowired
    Payments payments;

    @Autowired
    PayGovProtocol protocol;

    @Autowired
    PaymentProperties properties;

    @Autowired
    SettlePayment settle;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void procedures() {
        PaymentFixtures.procedure(jdbc);
    }

    @Test
    void theHttpClientQueriesAndReconcilesAgainstTheSandboxOverTheWire() throws Exception {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        Caller owner = new Caller(
                "sub-owner",
                PaymentFixtures.OWNER,
                "egov-web",
                PaymentFixtures.OWNER,
                null,
                Set.of("citizen"),
                Set.of());
        StartPayment.Started started = start.start(owner, dossier, null);
        String base = "http://localhost:" + port;

        // the payer's browser follows the signed redirect; a tampered one is refused by the provider
        assertThat(send(HttpRequest.newBuilder(URI.create(base + started.redirectUrl()))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(
                                        URI.create(base + started.redirectUrl().replace("amount=70000", "amount=7000")))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(
                        base + "/sandbox/paygov/pay/" + started.payment().id() + "?outcome=PAID_NO_CALLBACK"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(payments.find(started.payment().id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        PaymentProperties.Provider remote = new PaymentProperties.Provider(
                base + "/sandbox/paygov",
                null,
                properties.provider().merchantCode(),
                properties.provider().secret(),
                Duration.ofSeconds(5));
        HttpPaymentProvider provider = new HttpPaymentProvider(remote);
        ResolvePayments resolve = new ResolvePayments(payments, provider, protocol, properties, settle, tx, clock);

        Payment after = resolve.query(started.payment().id());

        assertThat(after.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(after.receiptNumber()).startsWith("BL");

        Reconciliation.Report report = new Reconciliation(provider, protocol, properties, payments, jdbc, tx, clock)
                .reconcile(LocalDate.now(clock.withZone(PayGovProtocol.VIETNAM)));
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.mismatches()).isEmpty();

        // a query the provider cannot authenticate is refused
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("command", "QUERY");
        forged.put("merchant_code", properties.provider().merchantCode());
        forged.put("order_id", started.payment().id().toString());
        forged.put("check_sum", new PayGovProtocol("not-the-secret").checksum(forged));
        assertThat(send(HttpRequest.newBuilder(URI.create(PayGovProtocol.url(base + "/sandbox/paygov/query", forged)))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aProviderThatDoesNotAnswerLeavesThePaymentUnknown() {
        UUID dossier = PaymentFixtures.dossier(jdbc, DossierStatus.PAYMENT_REQUESTED.code());
        Caller owner = new Caller(
                "sub-owner",
                PaymentFixtures.OWNER,
                "egov-web",
                PaymentFixtures.OWNER,
                null,
                Set.of("citizen"),
                Set.of());
        StartPayment.Started started = start.start(owner, dossier, null);
        PaymentProperties.Provider unreachable = new PaymentProperties.Provider(
                "http://localhost:1/paygov",
                null,
                properties.provider().merchantCode(),
                properties.provider().secret(),
                Duration.ofMillis(500));
        ResolvePayments resolve = new ResolvePayments(
                payments, new HttpPaymentProvider(unreachable), protocol, properties, settle, tx, clock);

        Payment after = resolve.query(started.payment().id());

        assertThat(after.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(after.statusReason()).isEqualTo("Nền tảng thanh toán không trả lời truy vấn");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
