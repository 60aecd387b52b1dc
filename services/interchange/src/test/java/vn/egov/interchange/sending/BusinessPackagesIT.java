package vn.egov.interchange.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.interchange.edxml.EdxmlPackage.Business;
import vn.egov.interchange.edxml.EdxmlPackage.BusinessDocumentInfo;
import vn.egov.interchange.edxml.EdxmlPackage.Receiver;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.SamplePackages;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

/** Revoke, update and replace packages act on the document named in their business section. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessPackagesIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";
    static final String MOF = "000.00.00.G12";
    static final String NGHE_AN = "000.00.00.H41";

    @Autowired
    MockMvc mvc;

    Signer vpcp;

    @BeforeAll
    void certificates() throws Exception {
        vpcp = Signer.issue(mvc, VPCP);
    }

    ResultActions send(SamplePackages p) throws Exception {
        return mvc.perform(post("/api/interchange/packages")
                .with(Tokens.integratorOf(VPCP))
                .contentType(MediaType.APPLICATION_XML)
                .content(vpcp.sign(p.build())));
    }

    List<String> inbox(String agency) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/interchange/inbox").with(Tokens.clerkOf(agency)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[*].documentId");
    }

    static String id(String number) {
        return "000.00.00.G22,2026/03/02," + number + "/VPCP-TTĐT";
    }

    static Business business(int type, String related, Receiver... receivers) {
        return new Business(
                type,
                "Lý do nghiệp vụ",
                receivers.length == 0 ? null : new BusinessDocumentInfo(null, null, List.of(receivers)),
                related,
                null,
                null,
                List.of());
    }

    @Test
    void aRevokeWithdrawsTheOriginalFromInboxesThatHaveNotTakenIt() throws Exception {
        send(aPackage().number("601").to(HUE)).andExpect(status().isAccepted());
        send(aPackage().number("602").to(HUE).business(business(1, id("601")))).andExpect(status().isAccepted());
        assertThat(inbox(HUE)).containsExactly(id("602"));
    }

    @Test
    void anUpdateAddsAndRemovesReceiversOfTheOriginal() throws Exception {
        send(aPackage().number("611").to(HUE, MOF)).andExpect(status().isAccepted());
        send(aPackage()
                        .number("612")
                        .to(HUE)
                        .business(business(2, id("611"), new Receiver(1, NGHE_AN), new Receiver(0, MOF))))
                .andExpect(status().isAccepted());
        assertThat(inbox(NGHE_AN)).contains(id("611"));
        assertThat(inbox(MOF)).doesNotContain(id("611"));
        assertThat(inbox(HUE)).contains(id("611"), id("612"));
    }

    @Test
    void aReplaceNeedsAnOriginalOfTheSameSender() throws Exception {
        send(aPackage().number("621").to(HUE).business(business(3, "000.00.00.H57,2026/01/01,1/UBND")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("related-document-unknown"));
        send(aPackage().number("622").to(HUE).business(business(3, null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("related-document-missing"));
    }
}
