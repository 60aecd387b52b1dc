package vn.egov.reporting.regime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.reporting.period.ReportingPeriod;

/** Các chế độ báo cáo — the regimes on record, with their agencies, tables, indicators and ad hoc periods. */
@Repository
public class Regimes {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public Regimes(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<Regime> all() {
        return load(null);
    }

    public Optional<Regime> find(String code) {
        return load(code).stream().findFirst();
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from report_regime where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records a new regime (version 1). */
    public void add(Regime regime) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        insert into report_regime (code, name, legal_basis, frequency, deadline_day, receiving_agency,
                          outline, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, 1, ?, ?)""")
                .params(
                        regime.code(),
                        regime.name(),
                        regime.legalBasis(),
                        regime.frequency().name(),
                        regime.deadlineDay(),
                        regime.receivingAgency(),
                        json.writeValueAsString(regime.outline()),
                        now,
                        now)
                .update();
        insertParts(regime);
    }

    /** Replaces a regime's content and bumps its version; submissions already filed keep their values. */
    public void replace(Regime regime) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        update report_regime set name = ?, legal_basis = ?, frequency = ?, deadline_day = ?,
                          receiving_agency = ?, outline = ?::jsonb, version = version + 1, updated_at = ?
                        where code = ?""")
                .params(
                        regime.name(),
                        regime.legalBasis(),
                        regime.frequency().name(),
                        regime.deadlineDay(),
                        regime.receivingAgency(),
                        json.writeValueAsString(regime.outline()),
                        now,
                        regime.code())
                .update();
        for (String table :
                List.of("report_indicator", "report_data_table", "report_regime_agency", "report_ad_hoc_period")) {
            jdbc.sql("delete from " + table + " where regime_code = ?")
                    .param(regime.code())
                    .update();
        }
        insertParts(regime);
    }

    private void insertParts(Regime regime) {
        for (AssignedAgency agency : regime.agencies()) {
            jdbc.sql(
                            "insert into report_regime_agency (regime_code, agency_code, agency_name, email) values (?, ?, ?, ?)")
                    .params(regime.code(), agency.code(), agency.name(), agency.email())
                    .update();
        }
        int tablePosition = 0;
        int indicatorPosition = 0;
        for (DataTable table : regime.tables()) {
            jdbc.sql("insert into report_data_table (regime_code, code, title, position) values (?, ?, ?, ?)")
                    .params(regime.code(), table.code(), table.title(), ++tablePosition)
                    .update();
            for (Indicator i : table.indicators()) {
                jdbc.sql("""
                                insert into report_indicator (regime_code, table_code, code, name, unit, type, required,
                                  min_value, max_value, max_length, aggregation, position)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                regime.code(),
                                table.code(),
                                i.code(),
                                i.name(),
                                i.unit(),
                                i.type().name(),
                                i.required(),
                                i.min(),
                                i.max(),
                                i.maxLength(),
                                i.aggregation().name(),
                                ++indicatorPosition)
                        .update();
            }
        }
        for (ReportingPeriod p : regime.adHocPeriods()) {
            jdbc.sql("""
                            insert into report_ad_hoc_period (regime_code, label, from_date, to_date, deadline)
                            values (?, ?, ?, ?, ?)""")
                    .params(regime.code(), p.period(), p.from(), p.to(), p.deadline())
                    .update();
        }
    }

    private List<Regime> load(String code) {
        String where = code == null ? "" : " where regime_code = :code";
        Map<String, Object> params = code == null ? Map.of() : Map.of("code", code);
        Map<String, List<AssignedAgency>> agencies = group(
                "select * from report_regime_agency" + where + " order by regime_code, agency_code",
                params,
                (rs, n) -> new AssignedAgency(
                        rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("email")));
        Map<String, List<Indicator>> indicators = group(
                "select * from report_indicator" + where + " order by regime_code, position",
                params,
                (rs, n) -> indicator(rs),
                rs -> rs.getString("regime_code") + "/" + rs.getString("table_code"));
        Map<String, List<DataTable>> tables = group(
                "select * from report_data_table" + where + " order by regime_code, position",
                params,
                (rs, n) -> new DataTable(
                        rs.getString("code"),
                        rs.getString("title"),
                        indicators.getOrDefault(rs.getString("regime_code") + "/" + rs.getString("code"), List.of())));
        Map<String, List<ReportingPeriod>> adHoc = group(
                "select * from report_ad_hoc_period" + where + " order by regime_code, deadline, label",
                params,
                (rs, n) -> new ReportingPeriod(
                        rs.getString("label"),
                        null,
                        rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class),
                        rs.getObject("deadline", LocalDate.class)));
        return jdbc.sql("select * from report_regime" + (code == null ? "" : " where code = :code") + " order by code")
                .params(params)
                .query((rs, n) -> {
                    String c = rs.getString("code");
                    return new Regime(
                            c,
                            rs.getString("name"),
                            rs.getString("legal_basis"),
                            RegimeFrequency.valueOf(rs.getString("frequency")),
                            (Integer) rs.getObject("deadline_day"),
                            rs.getString("receiving_agency"),
                            agencies.getOrDefault(c, List.of()),
                            json.readValue(rs.getString("outline"), STRINGS),
                            tables.getOrDefault(c, List.of()),
                            adHoc.getOrDefault(c, List.of()),
                            rs.getInt("version"),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    private static Indicator indicator(ResultSet rs) throws SQLException {
        return new Indicator(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                IndicatorType.valueOf(rs.getString("type")),
                rs.getBoolean("required"),
                rs.getBigDecimal("min_value"),
                rs.getBigDecimal("max_value"),
                (Integer) rs.getObject("max_length"),
                Aggregation.valueOf(rs.getString("aggregation")));
    }

    private interface Key {
        String of(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, List<T>> group(
            String sql, Map<String, Object> params, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return group(sql, params, mapper, rs -> rs.getString("regime_code"));
    }

    private <T> Map<String, List<T>> group(
            String sql, Map<String, Object> params, org.springframework.jdbc.core.RowMapper<T> mapper, Key key) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            grouped.computeIfAbsent(key.of(rs), k -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return grouped;
    }
}
