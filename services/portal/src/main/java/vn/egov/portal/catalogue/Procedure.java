package vn.egov.portal.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Thủ tục hành chính — an administrative procedure of the catalogue: its code (e.g. {@code 1.001193}), field
 * (lĩnh vực), competent agency (QCVN 102 code), level 3/4 and whether it is toàn trình, the time limit in working
 * days, the fees, the required documents (thành phần hồ sơ), the form as a JSON Schema 2020-12, which form
 * fields are pre-filled from the population registry, the steps with the roles performing them, and whether
 * another agency takes part (liên thông).
 */
public record Procedure(
        String code,
        String name,
        String fieldCode,
        String fieldName,
        String agencyCode,
        String agencyName,
        int level,
        boolean fullyOnline,
        int timeLimitDays,
        JsonNode fees,
        JsonNode documents,
        JsonNode formSchema,
        JsonNode prefill,
        JsonNode steps,
        boolean interAgency,
        String transferAgencyCode) {

    /** A required document (thành phần hồ sơ). */
    public record Document(String code, String name, boolean required) {}

    public List<Document> requiredDocuments() {
        List<Document> out = new ArrayList<>();
        for (JsonNode d : documents) {
            if (d.path("required").asBoolean(false)) {
                out.add(new Document(d.path("code").asString(), d.path("name").asString(), true));
            }
        }
        return out;
    }

    /** Whether {@code documentCode} is one of the procedure's documents. */
    public boolean hasDocument(String documentCode) {
        for (JsonNode d : documents) {
            if (d.path("code").asString().equals(documentCode)) {
                return true;
            }
        }
        return false;
    }

    /** Form field path (dotted) → registry field path (dotted, first segment = the registry's field name). */
    public Map<String, String> prefillMap() {
        Map<String, String> out = new LinkedHashMap<>();
        prefill.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    /** The registry fields the form needs (the first segment of each mapping), sorted, without repetition. */
    public List<String> registryFields() {
        return prefillMap().values().stream()
                .map(path -> path.split("\\.")[0])
                .distinct()
                .sorted()
                .toList();
    }

    public String levelLabel() {
        return "Mức độ " + level + (fullyOnline ? " — toàn trình" : " — một phần");
    }
}
