package vn.egov.portal.filing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.egov.platform.testing.TestTokens;

/** Requests of a citizen filing a dossier, for the portal's integration tests. */
public final class FilingFixtures {

    /** Đăng ký khai sinh: needs the birth certificate (TP02). */
    public static final String BIRTH = "1.001193";
    /** Cấp Giấy xác nhận tình trạng hôn nhân: no required file, pre-filled from the registry. */
    public static final String MARITAL_STATUS = "1.004873";

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private FilingFixtures() {}

    /** A complete birth-registration form of a mother filing for her child. */
    public static String birthForm(String pid, String email) {
        return """
                {"nguoiNopHoSo": {"hoTen": "Trần Thị Bình", "soDinhDanh": "%s", "email": "%s",
                   "soDienThoai": "0912345678", "diaChi": "12 Lê Lợi, phường Thuận Hóa, Huế"},
                 "quanHeVoiTre": "Mẹ",
                 "treEm": {"hoTen": "Nguyễn Minh Khang", "ngaySinh": "2026-11-20", "gioiTinh": "Nam",
                   "noiSinh": "Bệnh viện Trung ương Huế", "danToc": "Kinh", "quocTich": "Việt Nam"},
                 "me": {"hoTen": "Trần Thị Bình", "soDinhDanh": "%s", "namSinh": 1998},
                 "cha": {"hoTen": "Nguyễn Văn Cường", "namSinh": 1996}}""".formatted(pid, email, pid);
    }

    public static String start(MockMvc mvc, String pid, String procedure, String form) throws Exception {
        String body = form == null
                ? "{\"procedureCode\":\"" + procedure + "\"}"
                : "{\"procedureCode\":\"" + procedure + "\",\"form\":" + form + "}";
        String answer = mvc.perform(post("/api/portal/dossiers")
                        .with(TestTokens.citizen(pid))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(answer, "$.id");
    }

    public static ResultActions save(MockMvc mvc, String pid, String id, String form) throws Exception {
        return mvc.perform(put("/api/portal/dossiers/" + id + "/form")
                .with(TestTokens.citizen(pid))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"form\":" + form + "}"));
    }

    public static ResultActions attach(
            MockMvc mvc, String pid, String id, String documentCode, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/portal/dossiers/" + id + "/attachments")
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .param("documentCode", documentCode)
                .with(TestTokens.citizen(pid)));
    }

    public static ResultActions submit(MockMvc mvc, String pid, String id, String key) throws Exception {
        var request = post("/api/portal/dossiers/" + id + "/submission").with(TestTokens.citizen(pid));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }
}
