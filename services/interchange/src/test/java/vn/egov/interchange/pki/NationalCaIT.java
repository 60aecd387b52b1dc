package vn.egov.interchange.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/**
 * The production path in the running service: a stand-in national CA configured as trust anchor (PEM bundle in
 * {@code egov.interchange.pki.trust-anchors}) with a real HTTP OCSP responder and CRL. An agency certificate it issued
 * is registered and signs packages while its responder says good; once the CA revokes it the next package is refused
 * with the CA's revocation time; when the responder and the CRL are unreachable the package is not accepted (hard-fail,
 * 503), nothing stored.
 */
class NationalCaIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String MOC = "000.00.00.G17";
    static final Clock CLOCK = Clock.systemUTC();
    static final DevelopmentCa NATIONAL = DevelopmentCa.generate(CLOCK);
    static final Map<BigInteger, Revocation> REVOKED = new ConcurrentHashMap<>();
    static volatile boolean down;
    static HttpServer responder;

    @DynamicPropertySource
    static void nationalCa(DynamicPropertyRegistry registry) throws IOException {
        RevocationResponder ca = new RevocationResponder(NATIONAL.certificate(), NATIONAL.privateKey());
        responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        responder.createContext("/ocsp", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Instant now = CLOCK.instant();
            answer(
                    exchange,
                    ca.ocsp(
                            request,
                            serial -> REVOKED.containsKey(serial)
                                    ? new RevocationResponder.Status.Revoked(
                                            REVOKED.get(serial).revokedAt(),
                                            REVOKED.get(serial).reason())
                                    : new RevocationResponder.Status.Good(),
                            now,
                            now.plus(Duration.ofMinutes(10))));
        });
        responder.createContext("/crl", exchange -> {
            Instant now = CLOCK.instant();
            answer(exchange, ca.crl(List.copyOf(REVOKED.values()), now, now.plus(Duration.ofHours(1)), BigInteger.ONE));
        });
        responder.start();
        Path roots = Files.createTempFile("national-roots", ".pem");
        roots.toFile().deleteOnExit();
        Files.writeString(roots, Pem.certificate(NATIONAL.certificate()));
        registry.add("egov.interchange.pki.trust-anchors", () -> roots.toUri().toString());
        registry.add("egov.interchange.pki.revocation.cache-for", () -> "0s");
        registry.add("egov.interchange.pki.revocation.timeout", () -> "2s");
    }

    static void answer(HttpExchange exchange, byte[] body) throws IOException {
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        responder.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    ResultActions send(Signer signer, String number) throws Exception {
        return mvc.perform(post("/api/interchange/packages")
                .with(Tokens.integratorOf(MOC))
                .contentType(MediaType.APPLICATION_XML)
                .content(
                        signer.sign(aPackage().from(MOC).number(number).to(VPCP).build())));
    }

    int documents() {
        return jdbc.queryForObject("SELECT count(*) FROM document", Integer.class);
    }

    @Test
    void aNationalCertificateSignsUntilItsCaRevokesItAndIsNotAcceptedWhenNobodyCanTell() throws Exception {
        String base = "http://127.0.0.1:" + responder.getAddress().getPort();
        var issued = NATIONAL.issue(
                MOC,
                "Bộ Xây dựng",
                Duration.ofDays(365),
                new DevelopmentCa.PublicationPoints(
                        URI.create(base + "/crl"), URI.create(base + "/ocsp"), URI.create(base + "/ca")));
        String pem = Pem.certificate(issued.certificate()).replace("\n", "\\n");
        mvc.perform(put("/api/interchange/agencies/" + MOC + "/certificate")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificatePem\":\"%s\"}".formatted(pem)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificate.issuer", containsString("Development Interchange CA")));
        Signer moc = new Signer(MOC, issued.certificate(), issued.privateKey());

        send(moc, "31").andExpect(status().isAccepted());

        down = true;
        send(moc, "32")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("revocation-unavailable"))
                .andExpect(jsonPath("$.detail", containsString("OCSP")));
        assertThat(documents()).isOne();

        down = false;
        Instant at = CLOCK.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        BigInteger serial = issued.certificate().getSerialNumber();
        REVOKED.put(serial, new Revocation(serial, RevocationReason.keyCompromise, at, "national CA", null, null));
        send(moc, "32")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-revoked"))
                .andExpect(jsonPath("$.detail", containsString(at.toString())))
                .andExpect(jsonPath("$.detail", containsString("keyCompromise")));
        assertThat(documents()).isOne();
        assertThat(jdbc.queryForList(
                        "SELECT problem_code FROM refused_attempt WHERE caller_agency = ?", String.class, MOC))
                .containsExactly("certificate-revoked");
    }
}
