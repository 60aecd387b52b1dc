package vn.egov.reporting.period.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;
import vn.egov.platform.web.EgovWebAutoConfiguration;
import vn.egov.reporting.period.CutOffCalendar;

@WebMvcTest(controllers = PeriodController.class)
@ImportAutoConfiguration({EgovWebAutoConfiguration.class, EgovSecurityAutoConfiguration.class})
@Import(PeriodControllerTest.Fixed.class)
class PeriodControllerTest {

    @TestConfiguration
    static class Fixed {
        @Bean
        CutOffCalendar cutOffCalendar() {
            return new CutOffCalendar(25);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anyAuthenticatedCallerGetsThePeriodOfADate() throws Exception {
        // a machine client with no egov role at all: utilities answer any authenticated caller
        mvc.perform(get("/api/reports/periods?frequency=QUARTER&date=2026-12-20")
                        .with(jwt().jwt(j -> j.claim("azp", "demo-outsider"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2027-Q1"))
                .andExpect(jsonPath("$.from").value("2026-12-15"))
                .andExpect(jsonPath("$.to").value("2027-03-14"))
                .andExpect(jsonPath("$.deadline").value("2027-03-25"));
    }

    @Test
    void dateDefaultsToTodayInVietnam() throws Exception {
        mvc.perform(get("/api/reports/periods?frequency=YEAR").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2027"));
    }

    @Test
    void unknownFrequencyNamesTheFieldAndTheAllowedValues() throws Exception {
        mvc.perform(get("/api/reports/periods?frequency=WEEK&date=2026-01-01").with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("frequency"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("HALF_YEAR")));
    }

    @Test
    void malformedDateAndMissingFrequencyAreNamed() throws Exception {
        mvc.perform(get("/api/reports/periods?frequency=MONTH&date=2026-13-01").with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(get("/api/reports/periods?date=2026-01-01").with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("frequency"));
    }

    @Test
    void anonymousIs401() throws Exception {
        mvc.perform(get("/api/reports/periods?frequency=MONTH")).andExpect(status().isUnauthorized());
    }
}
