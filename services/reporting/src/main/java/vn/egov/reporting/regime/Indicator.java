package vn.egov.reporting.regime;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Chỉ tiêu báo cáo — one indicator of a data table: its code, name and unit, the type of its value, the
 * validation rules (required, minimum and maximum for numbers, maximum length for text) and how agencies'
 * values aggregate.
 */
public record Indicator(
        String code,
        String name,
        String unit,
        IndicatorType type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength,
        Aggregation aggregation) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The reason (in Vietnamese) why {@code value} is not acceptable, or empty when it is; null means absent. */
    public Optional<String> check(JsonNode value) {
        if (value == null || value.isNull()) {
            return required ? Optional.of("Chỉ tiêu bắt buộc phải có giá trị.") : Optional.empty();
        }
        return switch (type) {
            case INTEGER -> {
                if (!value.isNumber() || !isWhole(value.decimalValue())) {
                    yield Optional.of("Giá trị phải là số nguyên.");
                }
                yield range(value.decimalValue());
            }
            case DECIMAL -> value.isNumber() ? range(value.decimalValue()) : Optional.of("Giá trị phải là số.");
            case PERCENT -> {
                if (!value.isNumber()) {
                    yield Optional.of("Giá trị phải là số phần trăm (0–100).");
                }
                BigDecimal percent = value.decimalValue();
                if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                    yield Optional.of("Tỷ lệ phần trăm phải từ 0 đến 100.");
                }
                yield range(percent);
            }
            case TEXT -> {
                if (!value.isString()) {
                    yield Optional.of("Giá trị phải là văn bản.");
                }
                String text = value.stringValue();
                if (required && text.isBlank()) {
                    yield Optional.of("Chỉ tiêu bắt buộc phải có giá trị.");
                }
                yield maxLength != null && text.length() > maxLength
                        ? Optional.of("Văn bản dài quá " + maxLength + " ký tự.")
                        : Optional.empty();
            }
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of("Giá trị phải là true hoặc false.");
        };
    }

    private Optional<String> range(BigDecimal number) {
        if (min != null && number.compareTo(min) < 0) {
            return Optional.of("Giá trị nhỏ hơn mức tối thiểu " + min.toPlainString() + ".");
        }
        if (max != null && number.compareTo(max) > 0) {
            return Optional.of("Giá trị lớn hơn mức tối đa " + max.toPlainString() + ".");
        }
        return Optional.empty();
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
