package vn.egov.registry.pid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * Mã tỉnh nơi đăng ký khai sinh — the 3-digit province codes of personal ID numbers (Circular 07/2016/TT-BCA,
 * 63 provinces). Numbers keep their code after the 2025 merger, since the code records where the birth was
 * registered. The table is reference data ({@code reference/pid-provinces.csv}).
 */
public final class BirthRegistrationProvinces {

    private final Map<String, String> names;

    public BirthRegistrationProvinces(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    public static BirthRegistrationProvinces load() {
        Map<String, String> names = new LinkedHashMap<>();
        var resource = new ClassPathResource("reference/pid-provinces.csv");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    int comma = line.indexOf(',');
                    names.put(
                            line.substring(0, comma).trim(),
                            line.substring(comma + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BirthRegistrationProvinces(names);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    public boolean isKnown(String code) {
        return names.containsKey(code);
    }

    public Map<String, String> all() {
        return names;
    }
}
