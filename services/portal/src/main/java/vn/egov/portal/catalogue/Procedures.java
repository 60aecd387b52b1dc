package vn.egov.portal.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.web.ApiProblem;

/** Danh mục thủ tục hành chính: the catalogue table. */
@Repository
public class Procedures {

    private static final String COLUMNS = """
            code, name, field_code, field_name, agency_code, agency_name, level, fully_online, time_limit_days,
            fees::text as fees, documents::text as documents, form_schema::text as form_schema,
            prefill::text as prefill, steps::text as steps, inter_agency, transfer_agency_code""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Procedures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** 404 {@code procedure-not-found}: no active procedure with that code. */
    public static ApiProblem notFound(String code) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "procedure-not-found",
                "Không có thủ tục hành chính mã '" + code + "' trong danh mục.");
    }

    /** An active procedure by its code. */
    public Optional<Procedure> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from procedure where code = ? and active")
                .param(code)
                .query(this::map)
                .optional();
    }

    /** Search filters; null means any. */
    public record Filter(String fieldCode, String agencyCode, Integer level, String text) {}

    public record Page(List<Procedure> items, long total) {}

    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where active");
        List<Object> params = new ArrayList<>();
        if (filter.fieldCode() != null) {
            where.append(" and field_code = ?");
            params.add(filter.fieldCode());
        }
        if (filter.agencyCode() != null) {
            where.append(" and agency_code = ?");
            params.add(filter.agencyCode());
        }
        if (filter.level() != null) {
            where.append(" and level = ?");
            params.add(filter.level());
        }
        if (filter.text() != null) {
            where.append(" and (name ilike ? or code = ?)");
            params.add("%" + filter.text().replace("%", "\\%").replace("_", "\\_") + "%");
            params.add(filter.text());
        }
        long total = jdbc.sql("select count(*) from procedure" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Procedure> items = jdbc.sql(
                        "select " + COLUMNS + " from procedure" + where + " order by field_code, code limit ? offset ?")
                .params(pageParams)
                .query(this::map)
                .list();
        return new Page(items, total);
    }

    /** Adds or replaces a procedure of the catalogue (the seed loader). */
    public void upsert(Procedure p) {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, fees, documents, form_schema, prefill, registry_fields, steps,
                          inter_agency, transfer_agency_code, active, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?,
                          true, now())
                        on conflict (code) do update set name = excluded.name, field_code = excluded.field_code,
                          field_name = excluded.field_name, agency_code = excluded.agency_code,
                          agency_name = excluded.agency_name, level = excluded.level,
                          fully_online = excluded.fully_online, time_limit_days = excluded.time_limit_days,
                          fees = excluded.fees, documents = excluded.documents, form_schema = excluded.form_schema,
                          prefill = excluded.prefill, registry_fields = excluded.registry_fields,
                          steps = excluded.steps, inter_agency = excluded.inter_agency,
                          transfer_agency_code = excluded.transfer_agency_code, active = true, updated_at = now()""")
                .params(
                        p.code(),
                        p.name(),
                        p.fieldCode(),
                        p.fieldName(),
                        p.agencyCode(),
                        p.agencyName(),
                        p.level(),
                        p.fullyOnline(),
                        p.timeLimitDays(),
                        json.writeValueAsString(p.fees()),
                        json.writeValueAsString(p.documents()),
                        json.writeValueAsString(p.formSchema()),
                        json.writeValueAsString(p.prefill()),
                        p.registryFields().toArray(String[]::new),
                        json.writeValueAsString(p.steps()),
                        p.interAgency(),
                        p.transferAgencyCode())
                .update();
    }

    private Procedure map(ResultSet rs, int row) throws SQLException {
        return new Procedure(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("field_code"),
                rs.getString("field_name"),
                rs.getString("agency_code"),
                rs.getString("agency_name"),
                rs.getInt("level"),
                rs.getBoolean("fully_online"),
                rs.getInt("time_limit_days"),
                json.readTree(rs.getString("fees")),
                json.readTree(rs.getString("documents")),
                json.readTree(rs.getString("form_schema")),
                json.readTree(rs.getString("prefill")),
                json.readTree(rs.getString("steps")),
                rs.getBoolean("inter_agency"),
                rs.getString("transfer_agency_code"));
    }
}
