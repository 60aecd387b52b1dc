package vn.egov.portal.prefill;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.TestTokens;
import vn.egov.portal.filing.FilingFixtures;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The registry unreachable: pre-fill answers 200 with the form as it was and a Vietnamese notice; filing goes on. */
class PrefillRegistryDownIT extends PortalIntegrationTest {

    static final String PID = "001099012345";

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.registry.base-url", () -> "http://127.0.0.1:" + closedPort());
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theFormComesBackEmptyWithANotice() throws Exception {
        String id = FilingFixtures.start(mvc, PID, FilingFixtures.MARITAL_STATUS, "{\"mucDichSuDung\": \"Kết hôn\"}");
        mvc.perform(get("/api/portal/dossiers/" + id + "/prefill")
                        .param("consent", "true")
                        .with(TestTokens.citizen(PID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice", containsString("không kết nối được Cơ sở dữ liệu quốc gia về dân cư")))
                .andExpect(jsonPath("$.prefilledFields").isEmpty())
                .andExpect(jsonPath("$.consentId").doesNotExist())
                .andExpect(jsonPath("$.form.mucDichSuDung").value("Kết hôn"))
                .andExpect(jsonPath("$.form.nguoiNopHoSo.soDinhDanh").value(PID))
                .andExpect(jsonPath("$.form.nguoiDuocXacNhan").doesNotExist());
        // the citizen types the data and files anyway
        String form = """
                {"nguoiNopHoSo": {"hoTen": "Nguyễn Văn An", "soDinhDanh": "001099012345", "email": "an@example.vn"},
                 "nguoiDuocXacNhan": {"hoTen": "Nguyễn Văn An", "ngaySinh": "1999-05-19",
                   "noiCuTru": "18 Hoàng Diệu, Ba Đình, Hà Nội"},
                 "tinhTrangHonNhan": "Chưa kết hôn", "mucDichSuDung": "Kết hôn"}""";
        FilingFixtures.save(mvc, PID, id, form).andExpect(status().isOk());
        FilingFixtures.submit(mvc, PID, id, FilingFixtures.newKey())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.procedureName").value("Cấp Giấy xác nhận tình trạng hôn nhân"));
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
