package vn.egov.interchange.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/**
 * Interoperability with a signer that is not ours: Debian's {@code xmlsec1} (libxmlsec1, OpenSSL). A package it signs
 * with a registered certificate is accepted; a package our signer produces verifies with it. Runs where xmlsec1 is
 * installed ({@code apt-get install xmlsec1}).
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

    @Autowired
    MockMvc mvc;

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

        Result sign =
                run("xmlsec1", "--sign", "--privkey-pem", key + "," + cert, "--output", out.toString(), in.toString());
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
        Result verify = run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), signed.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("OK");

        Path tampered = Files.writeString(
                dir.resolve("tampered.xml"), Files.readString(signed).replace("Về việc triển khai", "Về việc hủy bỏ"));
        assertThat(run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(), tampered.toString())
                        .exit())
                .isNotZero();
    }

    record Result(int exit, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
