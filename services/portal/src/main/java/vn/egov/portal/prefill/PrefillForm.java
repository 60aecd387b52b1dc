package vn.egov.portal.prefill;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.catalogue.Procedure;
import vn.egov.portal.catalogue.Procedures;
import vn.egov.portal.dossier.Applicants;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;

/**
 * Điền sẵn biểu mẫu từ CSDL quốc gia về dân cư (once-only rule, NĐ 47/2020 Điều 9): with the citizen's explicit
 * consent ({@code consent=true}), records the consent in the registry for this dossier and exactly the fields the
 * procedure needs, reads them and fills the empty fields of the draft's form. The registry being unreachable,
 * slow or refusing never fails the request: the form comes back as it was, with a Vietnamese notice.
 */
@Service
public class PrefillForm {

    private static final Logger log = LoggerFactory.getLogger(PrefillForm.class);

    static final String UNAVAILABLE = "Hiện không kết nối được Cơ sở dữ liệu quốc gia về dân cư nên biểu mẫu chưa"
            + " được điền sẵn. Vui lòng tự nhập thông tin hoặc thử lại sau.";

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final RegistryClient registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    PrefillForm(Dossiers dossiers, Procedures procedures, RegistryClient registry, JdbcClient jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The answer: the form (pre-filled or as it was), the form fields filled, the registry fields concerned, whether
     * the citizen still has to consent, the consent receipt id, and a notice when something kept pre-fill from
     * happening.
     */
    public record Prefill(
            UUID dossierId,
            JsonNode form,
            List<String> prefilledFields,
            List<String> registryFields,
            boolean consentRequired,
            String consentText,
            String consentId,
            String notice) {}

    public Prefill prefill(UUID dossierId, Caller caller, String token, boolean consent) {
        String pid = Applicants.pid(caller);
        Dossier dossier = Applicants.own(dossiers, dossierId, pid);
        if (!dossier.isDraft()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "dossier-not-editable", "Hồ sơ đã nộp; không thể điền lại biểu mẫu.");
        }
        Procedure procedure = procedures
                .find(dossier.procedureCode())
                .orElseThrow(() -> Procedures.notFound(dossier.procedureCode()));
        List<String> fields = procedure.registryFields();
        if (fields.isEmpty()) {
            return new Prefill(
                    dossierId,
                    dossier.form(),
                    List.of(),
                    List.of(),
                    false,
                    null,
                    null,
                    "Thủ tục này không cần thông tin từ Cơ sở dữ liệu quốc gia về dân cư.");
        }
        String consentText = "Tôi đồng ý để Cổng dịch vụ công lấy các thông tin " + String.join(", ", fields)
                + " của tôi từ Cơ sở dữ liệu quốc gia về dân cư để điền sẵn hồ sơ " + dossierId + " (thủ tục "
                + procedure.name() + "). Tôi có thể rút lại sự đồng ý (Nghị định 13/2023/NĐ-CP).";
        if (!consent) {
            return new Prefill(
                    dossierId,
                    dossier.form(),
                    List.of(),
                    fields,
                    true,
                    consentText,
                    null,
                    "Cần sự đồng ý của công dân (consent=true) trước khi lấy thông tin từ CSDL dân cư.");
        }
        String clientId = caller.clientId() == null ? "egov-web" : caller.clientId();
        JsonNode receipt;
        JsonNode data;
        try {
            receipt = registry.consent(token, dossierId, clientId, fields);
            data = registry.read(token, pid, dossierId, fields);
        } catch (RestClientResponseException e) {
            log.warn("registry refused pre-fill of dossier {}: {}", dossierId, e.getStatusCode());
            String notice = e.getStatusCode().is4xxClientError()
                    ? "Cơ sở dữ liệu quốc gia về dân cư không cung cấp thông tin cho hồ sơ này (mã "
                            + e.getStatusCode().value() + ") nên biểu mẫu chưa được điền sẵn. Vui lòng tự nhập"
                            + " thông tin."
                    : UNAVAILABLE;
            return degraded(dossierId, dossier, fields, consentText, notice);
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            log.warn("registry unavailable for pre-fill of dossier {}: {}", dossierId, e.toString());
            return degraded(dossierId, dossier, fields, consentText, UNAVAILABLE);
        }
        String consentId = receipt.path("id").asString(null);
        jdbc.sql("""
                        insert into prefill_consent (dossier_id, registry_consent_id, fields, granted_at)
                        values (?, ?, ?, ?)""")
                .params(dossierId, consentId, fields.toArray(String[]::new), Timestamp.from(clock.instant()))
                .update();
        ObjectNode form = dossier.form().isObject()
                ? (ObjectNode) dossier.form().deepCopy()
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        List<String> filled = new ArrayList<>();
        for (Map.Entry<String, String> mapping : procedure.prefillMap().entrySet()) {
            String value = value(data, mapping.getValue());
            if (value != null && fill(form, mapping.getKey(), value)) {
                filled.add(mapping.getKey());
            }
        }
        return new Prefill(dossierId, form, filled, fields, false, consentText, consentId, null);
    }

    private static Prefill degraded(
            UUID dossierId, Dossier dossier, List<String> fields, String consentText, String notice) {
        return new Prefill(dossierId, dossier.form(), List.of(), fields, false, consentText, null, notice);
    }

    /** The registry value at a dotted path, as form text; residences become one address line. */
    static String value(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() && node.has("addressLine")) {
            StringJoiner address = new StringJoiner(", ");
            for (String part : List.of("addressLine", "communeName", "provinceName")) {
                if (node.hasNonNull(part) && !node.get(part).asString().isBlank()) {
                    address.add(node.get(part).asString());
                }
            }
            return address.toString();
        }
        if (!node.isValueNode()) {
            return null;
        }
        String text = node.asString();
        if (path.equals("sex")) {
            return switch (text) {
                case "MALE" -> "Nam";
                case "FEMALE" -> "Nữ";
                default -> null;
            };
        }
        if (path.equals("dateOfBirth") && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null; // only the year or month is known: the citizen enters the date
        }
        return text.isBlank() ? null : text;
    }

    /** Sets the dotted form path when it is empty; false when the citizen already entered something. */
    static boolean fill(ObjectNode form, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = form;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                node = node.putObject(parts[i]);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else {
                return false;
            }
        }
        String last = parts[parts.length - 1];
        JsonNode current = node.get(last);
        if (current != null && !current.isNull() && !current.asString("").isBlank()) {
            return false;
        }
        node.put(last, value);
        return true;
    }
}
