package vn.egov.interchange.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.egov.interchange.testing.SamplePackages.aPackage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.interchange.edxml.EdxmlPackage.Organisation;
import vn.egov.interchange.edxml.EdxmlPackage.ResponseFor;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Signer;
import vn.egov.interchange.testing.Tokens;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageLogIT extends InterchangeIT {

    static final String VPCP = "000.00.00.G22";
    static final String HUE = "000.00.00.H57";

    @Autowired
    MockMvc mvc;

    @Autowired
    LogCheckpoints checkpoints;

    @TempDir
    Path dir;

    @BeforeAll
    void traffic() throws Exception {
        Signer vpcp = Signer.issue(mvc, VPCP);
        Signer hue = Signer.issue(mvc, HUE);
        for (String number : new String[] {"801", "802"}) {
            mvc.perform(post("/api/interchange/packages")
                            .with(Tokens.clerkOf(VPCP))
                            .contentType(MediaType.APPLICATION_XML)
                            .content(vpcp.sign(aPackage().number(number).to(HUE).build())))
                    .andExpect(status().isAccepted());
        }
        checkpoints.checkpoint();
        StatusPackage arrived = new StatusPackage(
                new ResponseFor(
                        VPCP, "801/VPCP-TTĐT", LocalDate.of(2026, 3, 2), "000.00.00.G22,2026/03/02,801/VPCP-TTĐT"),
                Organisation.of(HUE, "UBND Huế"),
                "01",
                null,
                LocalDateTime.of(2026, 3, 2, 10, 0),
                null);
        mvc.perform(post("/api/interchange/statuses")
                        .with(Tokens.clerkOf(HUE))
                        .contentType(MediaType.APPLICATION_XML)
                        .content(hue.sign(arrived)))
                .andExpect(status().isAccepted());
        checkpoints.checkpoint();
    }

    String export() throws Exception {
        return mvc.perform(get("/api/interchange/message-log").with(Tokens.auditor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void everyAcceptedMessageIsChainedAndCheckpointsAreTimestamped() throws Exception {
        String export = export();
        var json = JsonMapper.shared().readTree(export);
        assertThat(json.get("entries")).hasSize(3);
        assertThat(json.get("entries").get(2).get("kind").asString()).isEqualTo("STATUS");
        assertThat(json.get("entries").get(1).get("prevHash").asString())
                .isEqualTo(json.get("entries").get(0).get("hash").asString());
        assertThat(json.get("checkpoints")).hasSize(2);

        mvc.perform(post("/api/interchange/message-log/verify")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(export))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.checkpoints").value(2));
    }

    @Test
    void theVerifierPointsAtTheFirstBrokenLink() throws Exception {
        ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(export());
        ((ObjectNode) json.get("entries").get(1)).put("documentId", "000.00.00.G22,2026/03/02,999/VPCP-TTĐT");
        mvc.perform(post("/api/interchange/message-log/verify")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.toString()))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(2));

        ObjectNode forged = (ObjectNode) JsonMapper.shared().readTree(export());
        byte[] token = forged.get("checkpoints").get(0).get("timestampToken").binaryValue();
        token[token.length - 10] ^= 1;
        ((ObjectNode) forged.get("checkpoints").get(0)).put("timestampToken", token);
        mvc.perform(post("/api/interchange/message-log/verify")
                        .with(Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(forged.toString()))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(2));
    }

    @Test
    void theOfflineVerifierAgrees() throws Exception {
        Path good = Files.writeString(dir.resolve("export.json"), export());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifyLogCli.run(good, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 3 entries, 2 checkpoints");

        ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(export());
        ((tools.jackson.databind.node.ArrayNode) json.get("entries")).remove(1); // a link removed
        Path bad = Files.writeString(dir.resolve("bad.json"), json.toString());
        ByteArrayOutputStream badOut = new ByteArrayOutputStream();
        assertThat(VerifyLogCli.run(bad, new PrintStream(badOut, true, StandardCharsets.UTF_8)))
                .isOne();
        assertThat(badOut.toString(StandardCharsets.UTF_8)).startsWith("BROKEN at seq 3");
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheLog() throws Exception {
        mvc.perform(get("/api/interchange/message-log").with(Tokens.clerkOf(VPCP)))
                .andExpect(status().isForbidden());
    }
}
