package vn.egov.portal.calendar.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.calendar.CalendarAutoConfiguration;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;
import vn.egov.platform.web.EgovWebAutoConfiguration;

@WebMvcTest(controllers = DeadlineController.class)
@ImportAutoConfiguration({
    EgovWebAutoConfiguration.class,
    EgovSecurityAutoConfiguration.class,
    CalendarAutoConfiguration.class
})
@Import(vn.egov.portal.config.PortalConfigurationAccess.class)
class DeadlineControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void fridayAfternoonWithOneWorkingDayIsDueOnTuesday() throws Exception {
        mvc.perform(get("/api/portal/calendar/deadline?receivedAt=2026-11-20T16:00&workingDays=1")
                        .with(jwt().jwt(j -> j.claim("azp", "demo-integrator"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countedFrom").value("2026-11-23"))
                .andExpect(jsonPath("$.dueDate").value("2026-11-24"));
    }

    @Test
    void holidaysOnTheWayAreListed() throws Exception {
        mvc.perform(get("/api/portal/calendar/deadline?receivedAt=2026-04-29T09:00&workingDays=1")
                        .with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-05-04"))
                .andExpect(jsonPath("$.holidays[0].name").value("Ngày Chiến thắng"))
                .andExpect(jsonPath("$.holidays[1].name").value("Ngày Quốc tế lao động"));
    }

    @Test
    void outOfRangeAndMalformedValuesNameTheField() throws Exception {
        mvc.perform(get("/api/portal/calendar/deadline?receivedAt=2026-11-20T16:00&workingDays=0")
                        .with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("từ 1")));
        mvc.perform(get("/api/portal/calendar/deadline?receivedAt=20/11/2026&workingDays=1")
                        .with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        mvc.perform(get("/api/portal/calendar/deadline?receivedAt=2026-11-20T16:00")
                        .with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
    }
}
