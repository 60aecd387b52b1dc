package vn.egov.registry.area;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Địa bàn hoạt động — which provinces the officers of civil registration of each agency serve
 * ({@code egov.registry.officer-areas}). Deny by default: an agency in neither list has no area, and its officers
 * are refused every officer write and read ({@code no-officer-area}).
 *
 * @param national agencies whose officers act in every province (e.g. a ministry), by agency code
 * @param provinces agency code → the codes of the provinces (table {@code province}) its officers serve
 */
@ConfigurationProperties("egov.registry.officer-areas")
public record OfficerAreaProperties(Set<String> national, Map<String, Set<String>> provinces) {

    public OfficerAreaProperties {
        national = national == null ? Set.of() : Set.copyOf(national);
        provinces = provinces == null ? Map.of() : Map.copyOf(provinces);
    }
}
