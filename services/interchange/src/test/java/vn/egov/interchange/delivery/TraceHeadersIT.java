package vn.egov.interchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.signature.SignatureException;
import vn.egov.interchange.signature.XmlSignatures;
import vn.egov.interchange.testing.AxisHop;
import vn.egov.interchange.testing.CustomSignatures;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/**
 * Hop trace headers inside the package: with a signature that leaves the trace headers out, the recipient's pull
 * fetch carries the axis's TraceHeader and still verifies with the sender's certificate; with a whole-document
 * signature the package comes byte for byte; a signature that leaves out more than the trace headers is refused.
 * (Push delivery carries the same hop: {@code PushDeliveryIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceHeadersIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final Edxml EDXML = new Edxml(EdxmlLimits.defaults());

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Signer vpcp;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
    }

    ResultActions send(byte[] body) throws Exception {
        return mvc.perform(post("/api/interchange/packages")
                .with(Tokens.integratorOf(VPCP))
                .contentType(MediaType.APPLICATION_XML)
                .content(body));
    }

    /** Sends the package to Huế; returns Huế's delivery id. */
    String accepted(byte[] body) throws Exception {
        String json = send(body)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.packageSha256").value(Hashes.sha256Hex(body)))
                .andExpect(jsonPath("$.recipients[0].code").value(HUE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.recipients[0].deliveryId");
    }

    MockHttpServletResponse fetch(String delivery) throws Exception {
        return mvc.perform(
                        get("/api/interchange/inbox/" + delivery + "/package").with(Tokens.clerkOf(HUE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }

    Edxml.Parsed<EdxmlPackage> verifiedAtTheRecipient(byte[] xml) {
        var parsed = EDXML.readPackage(xml);
        new XmlSignatures().verify(parsed.document(), vpcp.certificate());
        return parsed;
    }

    @Test
    void thePulledPackageCarriesTheAxisTraceHeaderAndStillVerifies() throws Exception {
        byte[] sent = vpcp.sign(aPackage().number("701").to(HUE).build());
        String delivery = accepted(sent);

        MockHttpServletResponse first = fetch(delivery);
        String trace = first.getHeader("Edxml-Trace");
        assertThat(trace).startsWith("TRUC-LIEN-THONG,");
        byte[] received = first.getContentAsByteArray();
        assertThat(new String(received, StandardCharsets.UTF_8))
                .isEqualTo(new String(AxisHop.expected(sent, trace), StandardCharsets.UTF_8));
        assertThat(first.getHeader("Digest")).isEqualTo("sha-256=" + Hashes.sha256Hex(received));
        var traces = verifiedAtTheRecipient(received).value().traces();
        assertThat(traces).hasSize(2);
        assertThat(traces.getFirst())
                .isEqualTo(new EdxmlPackage.TraceHeader(VPCP, LocalDateTime.of(2026, 3, 2, 8, 30)));
        assertThat(traces.getLast().organId()).isEqualTo(AxisHop.ORGAN_ID);
        assertThat(trace)
                .endsWith(","
                        + vn.egov.interchange.edxml.EdxmlDates.formatTimestamp(
                                traces.getLast().timestamp()));

        // the axis keeps what it received; a second fetch adds one hop to the received bytes, not a second one
        assertThat(jdbc.queryForObject(
                        "SELECT package FROM document d JOIN delivery l ON l.document_id = d.id WHERE l.id = ?::uuid",
                        byte[].class,
                        delivery))
                .isEqualTo(sent);
        MockHttpServletResponse again = fetch(delivery);
        assertThat(again.getContentAsByteArray()).isEqualTo(AxisHop.expected(sent, again.getHeader("Edxml-Trace")));
        assertThat(verifiedAtTheRecipient(again.getContentAsByteArray()).value().traces())
                .hasSize(2);

        // anything but a trace header changed on the way is still detected at the recipient
        String text = new String(received, StandardCharsets.UTF_8);
        for (String[] change : new String[][] {
            {"Về việc triển khai", "Về việc hủy bỏ"},
            {"<edXML:CodeNumber>701</edXML:CodeNumber>", "<edXML:CodeNumber>702</edXML:CodeNumber>"}
        }) {
            byte[] tampered = text.replace(change[0], change[1]).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> verifiedAtTheRecipient(tampered))
                    .isInstanceOfSatisfying(SignatureException.class, e -> assertThat(e.kind())
                            .isEqualTo(SignatureException.Kind.INVALID));
        }
    }

    @Test
    void aPackageInIso2022JpIsFetchedUnchangedWithTheHopInTheHttpHeader() throws Exception {
        // 次 is 0x3C 0x21 ("<!") in ISO-2022-JP: the byte scan for the insertion point used to throw (500 on every
        // fetch)
        String unsigned = new String(
                Edxml.toBytes(
                        EDXML.writePackage(aPackage().number("706").to(HUE).build())),
                StandardCharsets.UTF_8);
        Document doc = EDXML.readPackage(unsigned.replace("Về việc triển khai", "Về việc 次 triển khai")
                        .getBytes(StandardCharsets.UTF_8))
                .document();
        new XmlSignatures().sign(doc, vpcp.key(), vpcp.certificate());
        byte[] sent = TraceHopTest.reencoded(Edxml.toBytes(doc), java.nio.charset.Charset.forName("ISO-2022-JP"));
        String delivery = accepted(sent);

        MockHttpServletResponse response = fetch(delivery);
        assertThat(response.getContentAsByteArray()).isEqualTo(sent);
        assertThat(response.getHeader("Digest")).isEqualTo("sha-256=" + Hashes.sha256Hex(sent));
        assertThat(response.getHeader("Edxml-Trace")).startsWith("TRUC-LIEN-THONG,");
        assertThat(verifiedAtTheRecipient(response.getContentAsByteArray())
                        .value()
                        .traces())
                .hasSize(1);
    }

    @Test
    void aPackageSignedOverTheWholeDocumentIsHandedOverByteForByteWithTheHopInTheHttpHeader() throws Exception {
        Document doc = EDXML.writePackage(aPackage().number("702").to(HUE).build());
        new XmlSignatures().sign(doc, vpcp.key(), vpcp.certificate(), XmlSignatures.Profile.WHOLE_DOCUMENT);
        byte[] sent = Edxml.toBytes(doc);
        String delivery = accepted(sent);

        MockHttpServletResponse response = fetch(delivery);
        assertThat(response.getContentAsByteArray()).isEqualTo(sent);
        assertThat(response.getHeader("Digest")).isEqualTo("sha-256=" + Hashes.sha256Hex(sent));
        assertThat(response.getHeader("Edxml-Trace")).startsWith("TRUC-LIEN-THONG,");
        assertThat(verifiedAtTheRecipient(response.getContentAsByteArray())
                        .value()
                        .traces())
                .hasSize(1);
    }

    @Test
    void aPackageThatAlreadyPassedAnotherHopIsAcceptedAndOnlyItsOtherContentMustBeIntact() throws Exception {
        byte[] signed = vpcp.sign(aPackage().number("703").to(HUE).build());
        Document doc = EDXML.readPackage(signed).document();
        byte[] viaProvince = TraceHop.appendTraceHeader(signed, doc, "000.00.00.H57", "2026/03/02 08:40:00");
        String delivery = accepted(viaProvince);
        assertThat(verifiedAtTheRecipient(fetch(delivery).getContentAsByteArray())
                        .value()
                        .traces())
                .extracting(EdxmlPackage.TraceHeader::organId)
                .containsExactly(VPCP, "000.00.00.H57", AxisHop.ORGAN_ID);

        byte[] tampered = new String(vpcp.sign(aPackage().number("704").to(HUE).build()), StandardCharsets.UTF_8)
                .replace("Về việc triển khai", "Về việc hủy bỏ")
                .getBytes(StandardCharsets.UTF_8);
        send(tampered)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("signature-invalid"));
    }

    @Test
    void aSignatureLeavingOutMoreThanTheTraceHeadersIsRefusedAndNothingIsStored() throws Exception {
        int documents = jdbc.queryForObject("SELECT count(*) FROM document", Integer.class);
        Document doc = EDXML.writePackage(aPackage().number("705").to(HUE).build());
        byte[] body = CustomSignatures.sign(
                doc,
                vpcp.key(),
                vpcp.certificate(),
                CustomSignatures.enveloped(),
                CustomSignatures.filter(CustomSignatures.subtract("//edXML:TraceHeaderList")),
                CustomSignatures.exclusive());

        send(body)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("signature-scope"))
                .andExpect(jsonPath("$.detail", containsString("//edXML:TraceHeaderList\"")))
                .andExpect(jsonPath("$.detail", containsString("nhiều hơn các TraceHeader")))
                .andExpect(jsonPath("$.errors[0].field").value("edXMLHeader/Signature"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Integer.class))
                .isEqualTo(documents);
        assertThat(jdbc.queryForList(
                        "SELECT problem_code FROM refused_attempt WHERE body_sha256 = ?",
                        String.class,
                        Hashes.sha256Hex(body)))
                .containsExactly("signature-scope");
    }
}
