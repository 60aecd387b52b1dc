package vn.egov.reporting.kpi;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The KPI settings ({@code egov.reporting.kpi.*}).
 *
 * @param group the consumer group reading the portal's and the interchange's topics
 * @param topics the topics read: dossier and payment events of the portal, document events of the interchange
 * @param targets targets by indicator, in the indicator's unit; defaults are Resolution 17's: online filing 50%
 *     (from 2021; {@code onlineFilingTargetUntil2020} before), level-4 services 30%, electronic documents 90%
 * @param onlineFilingTargetUntil2020 the online filing target for periods of 2019–2020 (20%)
 * @param operationsCentre the agency whose reporters see every agency (Văn phòng Chính phủ)
 * @param openDataThreshold counts below this are suppressed in open data
 * @param sources where the reconciliation check reads the sources' own counts
 */
@ConfigurationProperties("egov.reporting.kpi")
public record KpiProperties(
        @DefaultValue("reporting-kpi") String group,
        @DefaultValue Topics topics,
        Map<Indicator, Double> targets,
        @DefaultValue("20") double onlineFilingTargetUntil2020,
        @DefaultValue("000.00.00.G22") String operationsCentre,
        @DefaultValue("5") int openDataThreshold,
        @DefaultValue Sources sources) {

    public KpiProperties {
        Map<Indicator, Double> merged = new EnumMap<>(Indicator.class);
        merged.put(Indicator.ONLINE_FILING, 50.0);
        merged.put(Indicator.LEVEL4_SERVICES, 30.0);
        merged.put(Indicator.ELECTRONIC_DOCUMENTS, 90.0);
        if (targets != null) {
            merged.putAll(targets);
        }
        targets = Map.copyOf(merged);
    }

    /** The target of an indicator for a period of the given year; null when none is set. */
    public Double target(Indicator indicator, int year) {
        if (indicator == Indicator.ONLINE_FILING && year <= 2020) {
            return onlineFilingTargetUntil2020;
        }
        return targets.get(indicator);
    }

    public record Topics(
            @DefaultValue("portal.dossier.v1") String dossier,
            @DefaultValue("portal.payment.v1") String payment,
            @DefaultValue("interchange.document.v1") String document) {}

    /**
     * @param portal base URL of the portal (its {@code /api/portal/statistics/dossiers} endpoint)
     * @param interchange base URL of the interchange (its {@code /api/interchange/statistics/documents} endpoint)
     * @param timeout how long to wait for each source
     */
    public record Sources(
            @DefaultValue("http://localhost:8081") URI portal,
            @DefaultValue("http://localhost:8082") URI interchange,
            @DefaultValue("10s") Duration timeout) {}
}
