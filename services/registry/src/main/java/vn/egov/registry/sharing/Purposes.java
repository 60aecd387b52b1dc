package vn.egov.registry.sharing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Danh mục mục đích — the catalogue of purposes for which population data may be processed. */
@Repository
public class Purposes {

    /** One purpose: its code, Vietnamese name, legal basis, and whether the citizen's own consent is the basis. */
    public record Purpose(String code, String name, String legalBasis, boolean needsCitizenConsent) {}

    public static final String PORTAL_PREFILL = "portal-prefill";
    public static final String IDENTITY_VERIFICATION = "identity-verification";
    public static final String CIVIL_REGISTRATION = "civil-registration";
    public static final String SELF_ACCESS = "self-access";

    private final JdbcClient jdbc;
    private volatile Map<String, Purpose> cache;

    public Purposes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalogue is reference data from the migrations: read once, then answered from memory. */
    public Optional<Purpose> find(String code) {
        Map<String, Purpose> catalogue = cache;
        if (catalogue == null) {
            Map<String, Purpose> loaded = new LinkedHashMap<>();
            all().forEach(p -> loaded.put(p.code(), p));
            cache = catalogue = Map.copyOf(loaded);
        }
        return Optional.ofNullable(catalogue.get(code));
    }

    public List<Purpose> all() {
        return jdbc.sql("select code, name, legal_basis, needs_citizen_consent from purpose order by code")
                .query((rs, i) -> new Purpose(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }
}
