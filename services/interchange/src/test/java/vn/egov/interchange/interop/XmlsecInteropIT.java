package vn.egov.interchange.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.interchange.testing.AxisHop;
import vn.egov.interchange.testing.Command;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/**
 * Interoperability with a signer that is not ours: Debian's {@code xmlsec1} (libxmlsec1, OpenSSL). A package it signs
 * with a registered certificate is accepted, over the whole document or leaving out the trace headers (XPath Filter
 * 2.0); a package our signer produces verifies with it, also after the axis added its TraceHeader on the way to the
 * recipient. Runs where xmlsec1 is installed ({@code apt-get install xmlsec1}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("xmlsecInstalled")
class XmlsecInteropIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";

    static final String TEMPLATE = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
            + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
            + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
            + "<ds:Reference URI=\"\"><ds:Transforms>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
            + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/>"
            + "</ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/>"
            + "</ds:X509Data></ds:KeyInfo></ds:Signature>";

    /** The same signature, leaving out the trace headers: enveloped, XPath Filter 2.0 subtract, exclusive c14n. */
    static final String TRACE_HEADER_TEMPLATE = TEMPLATE.replace(
            "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
            "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
                    + "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\""
                    + " xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\" Filter=\"subtract\">"
                    + "//edXML:TraceHeaderList/edXML:TraceHeader</dsig-xpath:XPath></ds:Transform>"
                    + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>");

    static final String HUE = "000.00.00.H57";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String certificatePem;
    String privateKeyPem;
    Signer ours;

    static boolean xmlsecInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/xmlsec1"));
    }

    @BeforeAll
    void certificate() throws Exception {
        String json = mvc.perform(post("/api/interchange/agencies/" + VPCP + "/certificate/development")
                        .with(Tokens.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode node = JsonMapper.shared().readTree(json);
        certificatePem = node.get("certificatePem").asString();
        privateKeyPem = node.get("privateKeyPem").asString();
        ours = new Signer(
                VPCP,
                vn.egov.interchange.pki.Pem.parseCertificate(certificatePem),
                vn.egov.interchange.pki.Pem.parsePrivateKey(privateKeyPem));
    }

    @Test
    void aPackageSignedByXmlsec1WithTheRegisteredCertificateIsAccepted() throws Exception {
        String unsigned = new String(Signer.unsigned(aPackage().number("901").build()), StandardCharsets.UTF_8);
        String template = unsigned.replace("</edXML:edXMLHeader>", TEMPLATE + "</edXML:edXMLHeader>");
        Path in = Files.writeString(dir.resolve("template.xml"), template);
        Path key = Files.writeString(dir.resolve("key.pem"), privateKeyPem);
        Path cert = Files.writeString(dir.resolve("cert.pem"), certificatePem);
        Path out = dir.resolve("signed.xml");

        Command sign = Command.run(
                "xmlsec1", "--sign", "--privkey-pem", key + "," + cert, "--output", out.toString(), in.toString());
        assertThat(sign.exit()).as(sign.output()).isZero();

        mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(Files.readAllBytes(out)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.documentId").value("000.00.00.G22,2026/03/02,901/VPCP-TTĐT"));
    }

    @Test
    void aPackageSignedByTheAxisToolingVerifiesWithXmlsec1() throws Exception {
        Path signed = Files.write(
                dir.resolve("ours.xml"), ours.sign(aPackage().number("902").build()));
        Path cert = Files.writeString(dir.resolve("cert.pem"), certificatePem);
        Command verify = Command.run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), signed.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("OK");

        Path tampered = Files.writeString(
                dir.resolve("tampered.xml"), Files.readString(signed).replace("Về việc triển khai", "Về việc hủy bỏ"));
        assertThat(Command.run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), tampered.toString())
                        .exit())
                .isNotZero();
    }

    /** Sends the package as VPCP and fetches it from Huế's inbox, as Huế's system would. */
    MockHttpServletResponse sendAndFetch(byte[] body) throws Exception {
        String json = mvc.perform(post("/api/interchange/packages")
                        .with(Tokens.integratorOf(VPCP))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String delivery = jdbc.queryForObject(
                "SELECT l.id::text FROM delivery l JOIN agency a ON a.id = l.recipient_id"
                        + " WHERE l.document_id = ?::uuid AND a.code_2016 = ?",
                String.class,
                JsonMapper.shared().readTree(json).get("id").asString(),
                HUE);
        return mvc.perform(
                        get("/api/interchange/inbox/" + delivery + "/package").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }

    @Test
    void xmlsec1SignsLeavingOutTheTraceHeadersAndItsSignatureVerifiesAfterTheAxisHop() throws Exception {
        String unsigned =
                new String(Signer.unsigned(aPackage().number("903").to(HUE).build()), StandardCharsets.UTF_8);
        Path in = Files.writeString(
                dir.resolve("trace-template.xml"),
                unsigned.replace("</edXML:edXMLHeader>", TRACE_HEADER_TEMPLATE + "</edXML:edXMLHeader>"));
        Path key = Files.writeString(dir.resolve("key.pem"), privateKeyPem);
        Path cert = Files.writeString(dir.resolve("cert.pem"), certificatePem);
        Path signed = dir.resolve("trace-signed.xml");
        Command sign = Command.run(
                "xmlsec1", "--sign", "--privkey-pem", key + "," + cert, "--output", signed.toString(), in.toString());
        assertThat(sign.exit()).as(sign.output()).isZero();
        assertThat(Files.readString(signed)).contains("xmldsig-filter2");

        MockHttpServletResponse fetched = sendAndFetch(Files.readAllBytes(signed));
        byte[] received = fetched.getContentAsByteArray();
        assertThat(received).isEqualTo(AxisHop.expected(Files.readAllBytes(signed), fetched.getHeader("Edxml-Trace")));
        Path delivered = Files.write(dir.resolve("trace-delivered.xml"), received);
        Command verify = Command.run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), delivered.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(new XmlSignatures()
                        .verify(
                                new Edxml(EdxmlLimits.defaults())
                                        .readPackage(received)
                                        .document(),
                                ours.certificate()))
                .isEqualTo(XmlSignatures.Profile.WHOLE_DOCUMENT_EXCEPT_TRACE_HEADERS);
    }

    @Test
    void ourPackageWithTheAxisHopVerifiesWithXmlsec1AndAnyOtherChangeFails() throws Exception {
        MockHttpServletResponse fetched =
                sendAndFetch(ours.sign(aPackage().number("904").to(HUE).build()));
        String received = fetched.getContentAsString(StandardCharsets.UTF_8);
        assertThat(received).contains("<edXML:OrganId>" + AxisHop.ORGAN_ID + "</edXML:OrganId><edXML:Timestamp>");
        Path cert = Files.writeString(dir.resolve("cert.pem"), certificatePem);
        Path delivered = Files.writeString(dir.resolve("ours-delivered.xml"), received);
        Command verify = Command.run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), delivered.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();

        Path tampered = Files.writeString(
                dir.resolve("ours-delivered-tampered.xml"), received.replace("Về việc triển khai", "Về việc hủy bỏ"));
        assertThat(Command.run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), tampered.toString())
                        .exit())
                .isNotZero();
    }
}
