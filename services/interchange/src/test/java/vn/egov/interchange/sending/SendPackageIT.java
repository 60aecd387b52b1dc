package vn.egov.interchange.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.pki.DevelopmentCaStore;
import vn.egov.interchange.testing.Certificates;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"egov.interchange.limits.attachment-max-size=64KB", "egov.web.max-body-size=1MB"})
class SendPackageIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DevelopmentCaStore developmentCa;

    Signer vpcp;
    Signer hue;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
        hue = Signer.issue(mvc, HUE);
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM delivery_event");
        jdbc.update("DELETE FROM delivery");
        jdbc.update("DELETE FROM document");
        jdbc.update("DELETE FROM outbox_event");
        jdbc.update("DELETE FROM refused_attempt");
    }

    ResultActions send(byte[] body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/interchange/packages")
                .with(token)
                .contentType(MediaType.APPLICATION_XML)
                .content(body));
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    void nothingStoredAndAttemptLogged(String problemCode) {
        assertThat(count("document")).isZero();
        assertThat(count("delivery")).isZero();
        assertThat(count("outbox_event")).isZero();
        assertThat(jdbc.queryForList("SELECT problem_code FROM refused_attempt", String.class))
                .containsExactly(problemCode);
    }

    @Test
    void aSignedPackageIsStoredAsReceivedAndDeliveredToEveryRecipient() throws Exception {
        byte[] body = vpcp.sign(aPackage()
                .to(HUE, "G12")
                .toPlaces("000.00.00.H41", "Lưu: VT, TTĐT")
                .priority(2)
                .build());

        send(body, Tokens.integratorOf(VPCP))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.documentId").value("000.00.00.G22,2026/03/02,7816/VPCP-TTĐT"))
                .andExpect(jsonPath("$.packageSha256").value(Hashes.sha256Hex(body)))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.recipients[*].code", containsInAnyOrder(HUE, "G12", "000.00.00.H41")));

        assertThat(jdbc.queryForObject("SELECT package FROM document", byte[].class))
                .isEqualTo(body);
        assertThat(jdbc.queryForObject("SELECT package_sha256 FROM document", String.class))
                .isEqualTo(Hashes.sha256Hex(body));
        assertThat(jdbc.queryForList("SELECT urgency FROM delivery", Integer.class))
                .containsOnly(2);
        assertThat(jdbc.queryForList("SELECT type FROM outbox_event", String.class))
                .containsExactly("vn.egov.interchange.document.sent.v1");
    }

    @Test
    void aResendIsRecognisedAndNotDuplicated() throws Exception {
        byte[] body = vpcp.sign(aPackage().to(HUE).build());
        String first = send(body, Tokens.clerkOf(VPCP))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        send(body, Tokens.clerkOf(VPCP))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.id").value(com.jayway.jsonpath.JsonPath.<String>read(first, "$.id")));
        assertThat(count("document")).isOne();
        assertThat(count("delivery")).isOne();
        assertThat(count("outbox_event")).isOne();

        byte[] other = vpcp.sign(aPackage().to(HUE, "G12").build()); // same DocumentId, other content
        send(other, Tokens.clerkOf(VPCP))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("document-id-conflict"));
        assertThat(count("delivery")).isOne();
    }

    @Test
    void aSenderCannotSpeakForAnotherAgency() throws Exception {
        send(vpcp.sign(aPackage().build()), Tokens.clerkOf(HUE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("sender-mismatch"))
                .andExpect(jsonPath("$.title").value("Cơ quan gửi không khớp mã truy cập"))
                .andExpect(jsonPath("$.errors[0].field").value("From/OrganId"));
        nothingStoredAndAttemptLogged("sender-mismatch");
    }

    @Test
    void aPackageSignedWithAnotherAgencysCertificateIsRefused() throws Exception {
        send(hue.sign(aPackage().build()), Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-mismatch"));
        nothingStoredAndAttemptLogged("certificate-mismatch");
    }

    @Test
    void aPackageSignedWithACertificateThatIsNotForSigningIsRefused() throws Exception {
        // certificates registered for Bộ Tài chính before the rule existed (written to the directory directly): one of
        // a CA, one whose key may only encipher; both chain to the development CA
        String mof = "000.00.00.G12";
        record Unfit(DevelopmentCa.Issued issued, String why) {}
        for (Unfit unfit : List.of(
                new Unfit(
                        Certificates.issue(
                                developmentCa.ca(), mof, true, KeyUsage.digitalSignature | KeyUsage.keyCertSign),
                        "CA=true"),
                new Unfit(Certificates.issue(developmentCa.ca(), mof, false, KeyUsage.keyEncipherment), "keyUsage"))) {
            X509Certificate certificate = unfit.issued().certificate();
            jdbc.update(
                    "UPDATE agency SET certificate = ?, certificate_sha256 = ?, certificate_subject = ?,"
                            + " certificate_not_after = ? WHERE code_2016 = ?",
                    certificate.getEncoded(),
                    Hashes.sha256Hex(certificate.getEncoded()),
                    certificate.getSubjectX500Principal().getName(),
                    Timestamp.from(certificate.getNotAfter().toInstant()),
                    mof);
            Signer signer = new Signer(mof, certificate, unfit.issued().privateKey());
            send(signer.sign(aPackage().from(mof).to(VPCP).build()), Tokens.clerkOf(mof))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("certificate-not-for-signing"))
                    .andExpect(jsonPath("$.detail", containsString(unfit.why())));
            nothingStoredAndAttemptLogged("certificate-not-for-signing");
            jdbc.update("DELETE FROM refused_attempt");
        }
        jdbc.update(
                "UPDATE agency SET certificate = NULL, certificate_sha256 = NULL, certificate_subject = NULL,"
                        + " certificate_not_after = NULL WHERE code_2016 = ?",
                mof);
    }

    @Test
    void unsignedAndTamperedPackagesAreRefused() throws Exception {
        send(Signer.unsigned(aPackage().build()), Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("signature-missing"));
        String tampered = new String(vpcp.sign(aPackage().build()), StandardCharsets.UTF_8)
                .replace("7816-VPCP.pdf", "7817-VPCP.pdf");
        send(tampered.getBytes(StandardCharsets.UTF_8), Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("signature-invalid"))
                .andExpect(jsonPath("$.detail", containsString("thay đổi")));
        assertThat(count("document")).isZero();
        assertThat(count("refused_attempt")).isEqualTo(2);
    }

    @Test
    void xxeAndEntityExpansionAreRefusedWithoutReadingAnything() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML:edXML>";
        send(xxe.getBytes(StandardCharsets.UTF_8), Tokens.clerkOf(VPCP))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("edxml-forbidden-construct"));
        String laughs =
                "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                        + "<l>&b;</l>";
        send(laughs.getBytes(StandardCharsets.UTF_8), Tokens.clerkOf(VPCP))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("edxml-forbidden-construct"));
        send("<edXML:edXML".getBytes(StandardCharsets.UTF_8), Tokens.clerkOf(VPCP))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("edxml-malformed"));
        assertThat(count("document")).isZero();
        assertThat(count("refused_attempt")).isEqualTo(3);
    }

    @Test
    void unknownAndMalformedRecipientsAreNamed() throws Exception {
        send(vpcp.sign(aPackage().to(HUE, "000.00.00.H99").build()), Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-recipient"))
                .andExpect(jsonPath("$.errors[0].field").value("To[2]/OrganId"));
        send(vpcp.sign(aPackage().to("000.00.00.h57").build()), Tokens.clerkOf(VPCP))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-organisation-code"));
        assertThat(count("delivery")).isZero();
    }

    @Test
    void aManifestEntryWithoutItsAttachmentIsRefused() throws Exception {
        EdxmlPackage p = aPackage().build();
        EdxmlPackage orphan = new EdxmlPackage(p.header(), p.traces(), p.business(), p.manifest(), List.of());
        send(vpcp.sign(orphan), Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("edxml-manifest-mismatch"))
                .andExpect(jsonPath("$.errors[0].field").value("edXMLManifest/Reference[att-1]"));
        nothingStoredAndAttemptLogged("edxml-manifest-mismatch");
    }

    @Test
    void oversizedAttachmentsAndBodiesAreRefused() throws Exception {
        send(vpcp.sign(aPackage().attachmentBytes(new byte[100 * 1024]).build()), Tokens.clerkOf(VPCP))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("edxml-too-large"))
                .andExpect(jsonPath("$.errors[0].field").value("Attachment[att-1]"));
        send(new byte[2 * 1024 * 1024], Tokens.clerkOf(VPCP)).andExpect(status().isContentTooLarge());
        assertThat(count("document")).isZero();
    }

    @Test
    void documentIdMustAgreeWithTheHeader() throws Exception {
        send(
                        vpcp.sign(aPackage()
                                .documentId("000.00.00.G22,2026/03/02,9999/VPCP-TTĐT")
                                .build()),
                        Tokens.clerkOf(VPCP))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("document-id-mismatch"))
                .andExpect(jsonPath("$.detail", containsString("7816/VPCP-TTĐT")));
        nothingStoredAndAttemptLogged("document-id-mismatch");
    }

    @Test
    void malformedDatesAreSchemaErrors() throws Exception {
        String xml = new String(vpcp.sign(aPackage().build()), StandardCharsets.UTF_8)
                .replace(">2026/03/02</edXML:PromulgationDate>", ">2026-03-02</edXML:PromulgationDate>");
        send(xml.getBytes(StandardCharsets.UTF_8), Tokens.clerkOf(VPCP))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("edxml-invalid"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("2026-03-02")));
    }

    @Test
    void onlyAgencySystemsSend() throws Exception {
        byte[] body = vpcp.sign(aPackage().build());
        send(body, Tokens.citizen()).andExpect(status().isForbidden());
        send(body, Tokens.integratorOf(null))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("no-agency"));
        assertThat(count("document")).isZero();
    }
}
