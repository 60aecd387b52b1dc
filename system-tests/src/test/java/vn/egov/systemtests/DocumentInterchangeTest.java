package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agencies' document-management systems exchange an official document through the gateway and the interchange
 * axis (trục liên thông văn bản), signing with a tool that is not ours: Debian's {@code xmlsec1}. The Government
 * Office's system ({@code dms-vpcp}) sends a package xmlsec1 signed with the certificate the platform's development
 * CA issued to it, leaving out the trace headers; Huế's system ({@code dms-hue}) finds it in its inbox, checks the bytes it received with xmlsec1,
 * acknowledges it and reports status 01 in a status package xmlsec1 signed; the sender sees it on the timeline.
 * Needs {@code xmlsec1} ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentInterchangeTest {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String API = Stack.GATEWAY + "/api/interchange";

    static final String SIGNATURE_TEMPLATE = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
            + "<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
            + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
            + "<ds:Reference URI=\"\"><ds:Transforms>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
            + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/>"
            + "</ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/>"
            + "</ds:X509Data></ds:KeyInfo></ds:Signature>";

    /**
     * The package's signature leaves out exactly the trace headers (XPath Filter 2.0 subtract), so the axis can add
     * its hop inside the package and the sender's signature still verifies at the recipient.
     */
    static final String PACKAGE_SIGNATURE_TEMPLATE = SIGNATURE_TEMPLATE.replace(
            "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
            "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
                    + "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\""
                    + " xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\" Filter=\"subtract\">"
                    + "//edXML:TraceHeaderList/edXML:TraceHeader</dsig-xpath:XPath></ds:Transform>"
                    + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>");

    /** Static: a per-instance {@code @TempDir} is not yet injected when a per-class {@code @BeforeAll} runs. */
    @TempDir
    static Path dir;

    Path vpcpKey;
    Path vpcpCertificate;
    Path hueKey;
    Path hueCertificate;
    String vpcpSystem;
    String hueSystem;

    @BeforeAll
    void agenciesHoldCertificatesFromTheDevelopmentCa() throws Exception {
        assertThat(Path.of("/usr/bin/xmlsec1"))
                .as("xmlsec1 must be installed (apt-get install xmlsec1)")
                .isExecutable();
        String admin = Stack.passwordToken("admin");
        String vpcp = issueDevelopmentCertificate(admin, VPCP);
        vpcpCertificate = Files.writeString(dir.resolve("vpcp-cert.pem"), JsonPath.read(vpcp, "$.certificatePem"));
        vpcpKey = Files.writeString(dir.resolve("vpcp-key.pem"), JsonPath.read(vpcp, "$.privateKeyPem"));
        String hue = issueDevelopmentCertificate(admin, HUE);
        hueCertificate = Files.writeString(dir.resolve("hue-cert.pem"), JsonPath.read(hue, "$.certificatePem"));
        hueKey = Files.writeString(dir.resolve("hue-key.pem"), JsonPath.read(hue, "$.privateKeyPem"));
        vpcpSystem = Stack.clientCredentialsToken("dms-vpcp", "dms-vpcp-secret");
        hueSystem = Stack.clientCredentialsToken("dms-hue", "dms-hue-secret");
    }

    @Test
    void aDocumentSignedByXmlsec1TravelsToItsRecipientAndItsStatusComesBack() throws Exception {
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String documentId = VPCP + ",2026/03/02," + number + "/VPCP-TTĐT";
        byte[] signed =
                xmlsecSign(template("package.xml", number, PACKAGE_SIGNATURE_TEMPLATE), vpcpKey, vpcpCertificate);

        HttpResponse<String> sent = post(API + "/packages", vpcpSystem, signed);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat((String) JsonPath.read(sent.body(), "$.documentId")).isEqualTo(documentId);
        assertThat((List<String>) JsonPath.read(sent.body(), "$.recipients[*].code"))
                .containsExactly(HUE);
        String id = JsonPath.read(sent.body(), "$.id");

        HttpResponse<String> again = post(API + "/packages", vpcpSystem, signed);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat((String) JsonPath.read(again.body(), "$.id")).isEqualTo(id);
        assertThat((Boolean) JsonPath.read(again.body(), "$.duplicate")).isTrue();

        String deliveryId = inboxEntry(documentId);
        HttpResponse<byte[]> received = Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(API + "/inbox/" + deliveryId + "/package"))
                        .header("Authorization", "Bearer " + hueSystem)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(received.statusCode()).isEqualTo(200);
        String receivedXml = new String(received.body(), StandardCharsets.UTF_8);
        assertThat(receivedXml.split("<edXML:TraceHeader>", -1))
                .as("the sender's trace header and the axis's hop")
                .hasSize(3);
        String hopTime =
                received.headers().firstValue("Edxml-Trace").orElseThrow().split(",", 2)[1];
        assertThat(receivedXml)
                .as("the axis's hop, last in the list, stamped with the time its Edxml-Trace header reports")
                .containsPattern("<edXML:TraceHeader><edXML:OrganId>[0-9A-Za-z.]+</edXML:OrganId><edXML:Timestamp>"
                        + java.util.regex.Pattern.quote(hopTime)
                        + "</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>");
        Path receivedFile = Files.write(dir.resolve("received.xml"), received.body());
        Result verified =
                run("xmlsec1", "--verify", "--pubkey-cert-pem", vpcpCertificate.toString(), receivedFile.toString());
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("OK");

        HttpResponse<String> ack = post(API + "/inbox/" + deliveryId + "/ack", hueSystem, new byte[0]);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(ack.body(), "$.alreadyAcknowledged")).isFalse();
        assertThat(inboxDocumentIds()).doesNotContain(documentId);

        byte[] arrived = xmlsecSign(template("status.xml", number, SIGNATURE_TEMPLATE), hueKey, hueCertificate);
        HttpResponse<String> status = post(API + "/statuses", hueSystem, arrived);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(202);

        HttpResponse<String> timeline = Stack.get(API + "/packages/" + id + "/timeline", vpcpSystem);
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        assertThat((List<String>)
                        JsonPath.read(timeline.body(), "$.recipients[?(@.recipient == '" + HUE + "')].statusCode"))
                .containsExactly("01");
    }

    @Test
    void aPackageSignedWithAnotherAgencysKeyIsRefusedAndNotDelivered() throws Exception {
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        byte[] signedByHue = xmlsecSign(template("package.xml", number, SIGNATURE_TEMPLATE), hueKey, hueCertificate);

        HttpResponse<String> refused = post(API + "/packages", vpcpSystem, signedByHue);

        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(inboxDocumentIds()).doesNotContain(VPCP + ",2026/03/02," + number + "/VPCP-TTĐT");
    }

    @Test
    void anExternalEntityIsRefusedBeforeAnythingIsRead() throws Exception {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML:edXML>";

        HttpResponse<String> refused = post(API + "/packages", vpcpSystem, hostile.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private String inboxEntry(String documentId) throws Exception {
        HttpResponse<String> inbox = Stack.get(API + "/inbox?limit=500", hueSystem);
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        List<String> ids = JsonPath.read(inbox.body(), "$.items[?(@.documentId == '" + documentId + "')].deliveryId");
        assertThat(ids).as("delivery of %s in Huế's inbox", documentId).hasSize(1);
        return ids.getFirst();
    }

    private List<String> inboxDocumentIds() throws Exception {
        HttpResponse<String> inbox = Stack.get(API + "/inbox?limit=500", hueSystem);
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        return JsonPath.read(inbox.body(), "$.items[*].documentId");
    }

    private static String issueDevelopmentCertificate(String adminToken, String agency) throws Exception {
        HttpResponse<String> response =
                post(API + "/agencies/" + agency + "/certificate/development", adminToken, new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String template(String name, String number, String signature) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/edxml/" + name)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{NUMBER}}", number);
            return xml.replace("</edXML:edXMLHeader>", signature + "</edXML:edXMLHeader>");
        }
    }

    private byte[] xmlsecSign(String template, Path key, Path certificate) throws Exception {
        Path in = Files.writeString(dir.resolve("template-" + System.nanoTime() + ".xml"), template);
        Path out = dir.resolve("signed-" + System.nanoTime() + ".xml");
        Result sign = run(
                "xmlsec1",
                "--sign",
                "--privkey-pem",
                key + "," + certificate,
                "--output",
                out.toString(),
                in.toString());
        assertThat(sign.exit()).as(sign.output()).isZero();
        return Files.readAllBytes(out);
    }

    private static HttpResponse<String> post(String url, String bearer, byte[] body)
            throws IOException, InterruptedException {
        return Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Result(int exit, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
