package vn.egov.registry.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Test data through the front door: an officer registers a birth and gets its number. */
public final class Births {

    private Births() {}

    public static String register(MockMvc mvc, String fullName, String sex, String dateOfBirth, String commune)
            throws Exception {
        String body = """
                {"fullName":"%s","dateOfBirth":"%s","sex":"%s","birthRegistrationCommune":"%s","ethnicCode":"01",
                 "religion":"Phật giáo","bloodType":"A+","homeTown":"Nam Định",
                 "father":{"name":"Nguyễn Văn Bình"},"mother":{"name":"Lê Thị Hoa"},
                 "permanentResidence":{"communeCode":"%s","addressLine":"1 Tràng Tiền"}}""".formatted(fullName, dateOfBirth, sex, commune, commune);
        String response = mvc.perform(post("/api/registry/births")
                        .with(Tokens.officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.pid");
    }
}
