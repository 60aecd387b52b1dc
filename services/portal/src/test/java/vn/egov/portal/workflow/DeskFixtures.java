package vn.egov.portal.workflow;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.egov.platform.testing.TestTokens;

/**
 * Test data for the one-stop workflow: procedures with and without fees, submitted dossiers (status 1, as the
 * filing step leaves them) inserted directly, and the desk's requests with their tokens.
 */
public final class DeskFixtures {

    public static final String HUE = "000.00.00.H57";
    public static final String VPCP = "000.00.00.G22";
    public static final String WITH_FEES = "9.100001";
    public static final String FREE = "9.100002";
    public static final String OWNER = "001099012345";
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final JdbcClient jdbc;
    private final MockMvc mvc;

    public DeskFixtures(JdbcClient jdbc, MockMvc mvc) {
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    public void procedures() {
        procedure(WITH_FEES, HUE, 3, "[{\"code\":\"LP01\",\"name\":\"Lệ phí cấp giấy phép\",\"amount\":150000}]");
        procedure(FREE, HUE, 5, "[]");
        procedure("9.100003", VPCP, 10, "[]");
    }

    private void procedure(String code, String agency, int days, String fees) {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, fees, form_schema)
                        values (?, ?, 'LV-01', 'Lĩnh vực thử', ?, ?, 4, true, ?, ?::jsonb, '{"type":"object"}')
                        on conflict do nothing""")
                .params(code, "Cấp giấy phép thử " + code, agency, "Cơ quan " + agency, days, fees)
                .update();
    }

    /** A submitted dossier (status 1 Mới), as the filing step leaves it. */
    public UUID submitted(String procedure, String agency, String pid) {
        UUID id = UUID.randomUUID();
        String code = "%s-261123-%04d".formatted(agency, NUMBER.incrementAndGet());
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_pid, applicant_name,
                          status, created_at, updated_at, submitted_at)
                        values (?, ?, ?, ?, ?, 'Nguyễn Văn An', 1, now(), now(), now())""").params(id, code, procedure, agency, pid).update();
        return id;
    }

    public int version(UUID id) {
        return jdbc.sql("select version from dossier where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    public int status(UUID id) {
        return jdbc.sql("select status from dossier where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    public int historyLines(UUID id) {
        return jdbc.sql("select count(*) from dossier_history where dossier_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    public static RequestPostProcessor officer(String username, String agency) {
        return TestTokens.staff(username, agency, "officer");
    }

    public static RequestPostProcessor hueOfficer() {
        return officer("officer.hue", HUE);
    }

    /** A desk step with the current version in If-Match. */
    public ResultActions act(UUID id, String action, String body) throws Exception {
        return act(id, action, version(id), body, hueOfficer());
    }

    public ResultActions act(UUID id, String action, int version, String body, RequestPostProcessor token)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/api/portal/desk/dossiers/{id}/{action}", id, action)
                .header("If-Match", "\"" + version + "\"")
                .with(token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
