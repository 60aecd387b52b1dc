package vn.egov.reporting.kpi.reconciliation;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import vn.egov.reporting.kpi.KpiProperties;

/**
 * Reads the counts the sources keep themselves. The endpoints are the ones the reporting service expects the
 * portal and the interchange to offer (documented in the service README), both answering JSON objects of counts
 * for an inclusive range of dates in Vietnam time:
 *
 * <ul>
 *   <li>{@code GET <portal>/api/portal/statistics/dossiers?from=&to=[&agency=]} →
 *       {@code {"filed": n, "filedOnline": n, "done": n}}
 *   <li>{@code GET <interchange>/api/interchange/statistics/documents?from=&to=[&sender=]} →
 *       {@code {"documents": n, "deliveries": n, "delivered": n}}
 * </ul>
 *
 * The caller's own access token is passed on, so a source answers with the rights of whoever asked.
 */
@Component
public class SourceCounts {

    static final String PORTAL_PATH = "/api/portal/statistics/dossiers";
    static final String INTERCHANGE_PATH = "/api/interchange/statistics/documents";

    private final RestClient http;
    private final KpiProperties.Sources sources;

    SourceCounts(KpiProperties properties) {
        this.sources = properties.sources();
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(sources.timeout()).build());
        factory.setReadTimeout(sources.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    public URI portalEndpoint(LocalDate from, LocalDate to, String agency) {
        return endpoint(sources.portal(), PORTAL_PATH, from, to, "agency", agency);
    }

    public URI interchangeEndpoint(LocalDate from, LocalDate to, String agency) {
        return endpoint(sources.interchange(), INTERCHANGE_PATH, from, to, "sender", agency);
    }

    /** The named counts of the answer; a missing count reads as absent. */
    public Map<String, Long> read(URI endpoint, String authorization) {
        JsonNode body = http.get()
                .uri(endpoint)
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve()
                .body(JsonNode.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (body != null) {
            for (var entry : body.properties()) {
                if (entry.getValue().isIntegralNumber()) {
                    counts.put(entry.getKey(), entry.getValue().asLong());
                }
            }
        }
        return counts;
    }

    private static URI endpoint(
            URI base, String path, LocalDate from, LocalDate to, String agencyParam, String agency) {
        var builder = UriComponentsBuilder.fromUri(base)
                .path(path)
                .queryParam("from", from)
                .queryParam("to", to);
        if (agency != null) {
            builder.queryParam(agencyParam, agency);
        }
        return builder.build().encode().toUri();
    }
}
