package vn.egov.registry.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.registry.testing.RegistryIntegrationTest;
import vn.egov.registry.testing.Tokens;

/**
 * The commune-level units (đơn vị hành chính cấp xã) of the 2025 two-level administration are all there, in
 * their provinces, with their statistics codes, and the registry's own keys of the former sample still name the
 * same units; officers register births in any of them, within their area.
 */
class CommuneListIT extends RegistryIntegrationTest {

    /**
     * Units per province after the arrangement of 1 July 2025 (keyed by the registry's province code): 3,321 in
     * all. Transcribed from the loaded list (see the README for its source), whose totals agree with the
     * published ones (3,321 = 2,621 communes + 687 wards + 13 special zones; Hà Nội 126, Hồ Chí Minh 168).
     */
    static final Map<String, Integer> UNITS_PER_PROVINCE = Map.ofEntries(
            Map.entry("01", 126), // Hà Nội
            Map.entry("04", 56), // Cao Bằng
            Map.entry("08", 124), // Tuyên Quang
            Map.entry("10", 99), // Lào Cai
            Map.entry("11", 45), // Điện Biên
            Map.entry("12", 38), // Lai Châu
            Map.entry("14", 75), // Sơn La
            Map.entry("19", 92), // Thái Nguyên
            Map.entry("20", 65), // Lạng Sơn
            Map.entry("22", 54), // Quảng Ninh
            Map.entry("25", 148), // Phú Thọ
            Map.entry("27", 99), // Bắc Ninh
            Map.entry("31", 114), // Hải Phòng
            Map.entry("33", 104), // Hưng Yên
            Map.entry("37", 129), // Ninh Bình
            Map.entry("38", 166), // Thanh Hóa
            Map.entry("40", 130), // Nghệ An
            Map.entry("42", 69), // Hà Tĩnh
            Map.entry("45", 78), // Quảng Trị
            Map.entry("46", 40), // Huế
            Map.entry("48", 94), // Đà Nẵng
            Map.entry("51", 96), // Quảng Ngãi
            Map.entry("56", 65), // Khánh Hòa
            Map.entry("64", 135), // Gia Lai
            Map.entry("66", 102), // Đắk Lắk
            Map.entry("68", 124), // Lâm Đồng
            Map.entry("72", 96), // Tây Ninh
            Map.entry("75", 95), // Đồng Nai
            Map.entry("79", 168), // Hồ Chí Minh
            Map.entry("86", 124), // Vĩnh Long
            Map.entry("87", 102), // Đồng Tháp
            Map.entry("89", 102), // An Giang
            Map.entry("92", 103), // Cần Thơ
            Map.entry("96", 64)); // Cà Mau

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProvinceHasItsUnitsAndTheCountryHas3321() {
        Map<String, Integer> perProvince = jdbc
                .sql("select province_code, count(*) from commune group by province_code")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perProvince).isEqualTo(UNITS_PER_PROVINCE);
        assertThat(perProvince.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(3321);

        Map<String, Long> perKind = jdbc
                .sql("select kind, count(*) from commune group by kind")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perKind)
                .containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNE", 2621L, "WARD", 687L, "SPECIAL_ZONE", 13L));

        // statistics codes: 5 digits, one per unit; the registry's keys run 001..n in every province
        assertThat(jdbc.sql("select count(distinct statistics_code) from commune")
                        .query(Long.class)
                        .single())
                .isEqualTo(3321L);
        assertThat(jdbc.sql("""
                        select count(*) from (
                          select province_code from commune group by province_code
                          having max(substr(code, 4)::int) <> count(*) or min(substr(code, 4)::int) <> 1) gaps""").query(Long.class).single()).isZero();
    }

    @Test
    void knownUnitsAreInTheirProvincesAndTheFormerSampleKeysNameTheSameUnits() {
        assertThat(unit("01-002")).isEqualTo("Ba Đình|WARD|00004|01|Hà Nội");
        assertThat(unit("46-001")).isEqualTo("Thuận Hóa|WARD|19789|46|Huế");
        assertThat(unit("79-001")).isEqualTo("Sài Gòn|WARD|26740|79|Hồ Chí Minh");
        assertThat(byStatisticsCode("00008")).isEqualTo("Ngọc Hà|WARD|00008|01|Hà Nội");
        assertThat(byStatisticsCode("19774")).isEqualTo("Kim Long|WARD|19774|46|Huế");
        assertThat(byStatisticsCode("31078")).isEqualTo("Phú Quốc|SPECIAL_ZONE|31078|89|An Giang");
        assertThat(byStatisticsCode("26732")).isEqualTo("Côn Đảo|SPECIAL_ZONE|26732|79|Hồ Chí Minh");
        assertThat(byStatisticsCode("20333")).isEqualTo("Hoàng Sa|SPECIAL_ZONE|20333|48|Đà Nẵng");
        assertThat(byStatisticsCode("22736")).isEqualTo("Trường Sa|SPECIAL_ZONE|22736|56|Khánh Hòa");

        // the province's code in the list of administrative units differs from the registry's for 7 provinces
        assertThat(jdbc.sql(
                                "select code || '>' || statistics_code from province where code <> statistics_code order by code")
                        .query(String.class)
                        .list())
                .containsExactly("10>15", "27>24", "45>44", "64>52", "72>80", "87>82", "89>91");
    }

    @Test
    void anOfficerRegistersABirthInAUnitOfTheFullListWithinTheArea() throws Exception {
        String kimLong = key("19774");
        String ngocHa = key("00008");

        String pid = JsonPath.read(
                mvc.perform(post("/api/registry/births")
                                .with(Tokens.officerHue())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(birth(kimLong, kimLong)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.pid");
        assertThat(pid).startsWith("046");
        mvc.perform(get("/api/registry/citizens/{pid}/record", pid).with(Tokens.officerHue()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permanentResidence.communeCode").value(kimLong))
                .andExpect(jsonPath("$.permanentResidence.communeName").value("Kim Long"))
                .andExpect(jsonPath("$.permanentResidence.provinceName").value("Huế"));

        // a ward of Hà Nội is outside the area of the Huế officer
        mvc.perform(post("/api/registry/births")
                        .with(Tokens.officerHue())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(birth(kimLong, ngocHa)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("outside-officer-area"))
                .andExpect(jsonPath("$.errors[0].field").value("permanentResidence.communeCode"));
    }

    static String birth(String registeredAt, String livesAt) {
        return """
                {"fullName":"Tôn Nữ Minh Thư","dateOfBirth":"2025-09-02","sex":"FEMALE",
                 "birthRegistrationCommune":"%s","ethnicCode":"01",
                 "permanentResidence":{"communeCode":"%s","addressLine":"12 Kim Long"}}""".formatted(registeredAt, livesAt);
    }

    String key(String statisticsCode) {
        return jdbc.sql("select code from commune where statistics_code = ?")
                .param(statisticsCode)
                .query(String.class)
                .single();
    }

    String unit(String code) {
        return describe("c.code = ?", code);
    }

    String byStatisticsCode(String statisticsCode) {
        return describe("c.statistics_code = ?", statisticsCode);
    }

    String describe(String where, String value) {
        return jdbc.sql("""
                        select c.name || '|' || c.kind || '|' || c.statistics_code || '|' || p.code || '|' || p.name
                          from commune c join province p on p.code = c.province_code where \s""" + where).param(value).query(String.class).single();
    }
}
