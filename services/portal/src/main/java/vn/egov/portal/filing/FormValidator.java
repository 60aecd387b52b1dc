package vn.egov.portal.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.catalogue.Procedure;

/**
 * Kiểm tra biểu mẫu — validates a dossier's form against its procedure's JSON Schema (2020-12, formats asserted)
 * and words each violation in Vietnamese with the field's title, as {@code errors[].field} = {@code form.<path>}
 * (e.g. {@code form.nguoiNopHoSo.hoTen}, {@code form.nganhNghe[0].maNganh}).
 */
@Component
public class FormValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Compiled> schemas = new ConcurrentHashMap<>();

    private record Compiled(String source, JsonNode root, JsonSchema schema) {}

    /** The problems of {@code form} against the procedure's form schema, empty when it is valid. */
    public List<FieldProblem> validate(Procedure procedure, tools.jackson.databind.JsonNode form) {
        Compiled compiled = compiled(procedure);
        JsonNode instance;
        try {
            instance = json.readTree(form.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(new FieldProblem("form", "Biểu mẫu không phải JSON hợp lệ."));
        }
        List<FieldProblem> out = new ArrayList<>();
        compiled.schema().validate(instance).stream()
                .sorted(Comparator.comparing(
                                (ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(m -> String.valueOf(m.getProperty())))
                .forEach(m -> out.add(problem(compiled.root(), m)));
        return out.stream().distinct().toList();
    }

    private Compiled compiled(Procedure procedure) {
        String source = procedure.formSchema().toString();
        return schemas.compute(procedure.code(), (code, old) -> {
            if (old != null && old.source().equals(source)) {
                return old;
            }
            try {
                JsonNode root = json.readTree(source);
                return new Compiled(source, root, factory.getSchema(root, config));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("form schema of " + code + " is not JSON", e);
            }
        });
    }

    private static FieldProblem problem(JsonNode root, ValidationMessage m) {
        JsonNodePath location = m.getInstanceLocation();
        StringBuilder field = new StringBuilder("form");
        JsonNode schema = root;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
                schema = schema == null ? null : schema.get("items");
            } else {
                field.append('.').append(element);
                schema = child(schema, element.toString());
            }
        }
        String type = m.getType();
        if (("required".equals(type) || "additionalProperties".equals(type)) && m.getProperty() != null) {
            field.append('.').append(m.getProperty());
            schema = child(schema, m.getProperty());
        }
        String title = schema != null && schema.hasNonNull("title")
                ? schema.get("title").asText()
                : null;
        String reason = reason(type, schema);
        return new FieldProblem(field.toString(), title == null ? capitalise(reason) : title + ": " + reason);
    }

    private static JsonNode child(JsonNode schema, String name) {
        if (schema == null) {
            return null;
        }
        JsonNode properties = schema.get("properties");
        return properties == null ? null : properties.get(name);
    }

    private static String reason(String type, JsonNode schema) {
        String value = schema != null && schema.has(type) ? schema.get(type).asText() : "";
        return switch (type) {
            case "required" -> "bắt buộc nhập.";
            case "type" -> "sai kiểu dữ liệu (cần " + typeName(schema) + ").";
            case "minLength" -> "phải có ít nhất " + value + " ký tự.";
            case "maxLength" -> "không được dài quá " + value + " ký tự.";
            case "pattern" ->
                "không đúng định dạng"
                        + (schema != null && schema.hasNonNull("description")
                                ? " (" + schema.get("description").asText() + ")."
                                : ".");
            case "format" -> formatReason(schema);
            case "enum" ->
                "phải là một trong các giá trị: "
                        + StreamSupport.stream(schema.get("enum").spliterator(), false)
                                .map(JsonNode::asText)
                                .collect(Collectors.joining(", "))
                        + ".";
            case "minimum" -> "phải lớn hơn hoặc bằng " + value + ".";
            case "exclusiveMinimum" -> "phải lớn hơn " + value + ".";
            case "maximum" -> "phải nhỏ hơn hoặc bằng " + value + ".";
            case "exclusiveMaximum" -> "phải nhỏ hơn " + value + ".";
            case "minItems" -> "cần ít nhất " + value + " mục.";
            case "maxItems" -> "không được quá " + value + " mục.";
            case "additionalProperties" -> "trường này không có trong biểu mẫu.";
            default -> "giá trị không hợp lệ.";
        };
    }

    private static String formatReason(JsonNode schema) {
        String format = schema == null || !schema.has("format")
                ? ""
                : schema.get("format").asText();
        return switch (format) {
            case "date" -> "không phải ngày hợp lệ (định dạng YYYY-MM-DD).";
            case "email" -> "không phải địa chỉ thư điện tử hợp lệ.";
            default -> "không đúng định dạng " + format + ".";
        };
    }

    private static String typeName(JsonNode schema) {
        String type =
                schema == null || !schema.has("type") ? "" : schema.get("type").asText();
        return switch (type) {
            case "string" -> "chuỗi ký tự";
            case "integer" -> "số nguyên";
            case "number" -> "số";
            case "boolean" -> "đúng/sai";
            case "object" -> "nhóm thông tin";
            case "array" -> "danh sách";
            default -> type;
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
