package vn.egov.portal.prefill;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population registry's consent and purpose-bound read API ({@code services/registry} README), called with
 * the citizen's own access token: the citizen grants the consent ({@code POST /api/registry/me/consents}) for
 * this dossier, the portal's client and the procedure's fields, then the read ({@code GET
 * /api/registry/citizens/{pid}?purpose=portal-prefill}) releases exactly those fields and is logged by the
 * registry.
 */
@EnableConfigurationProperties(RegistryProperties.class)
@Component
class RegistryClient {

    static final String PURPOSE = "portal-prefill";

    private final RestClient http;
    private final JsonMapper json;

    RegistryClient(RegistryProperties properties, JsonMapper json) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(properties.baseUrl())
                .requestFactory(factory)
                .build();
        this.json = json;
    }

    /** Records the consent; returns the registry's consent receipt. */
    JsonNode consent(String token, UUID dossierId, String clientId, List<String> fields) {
        String body = json.writeValueAsString(
                Map.of("dossierReference", dossierId.toString(), "clientId", clientId, "fields", fields));
        String answer = http.post()
                .uri("/api/registry/me/consents")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(String.class);
        return json.readTree(answer);
    }

    /** Reads exactly {@code fields} of the citizen under the consent for {@code dossierId}. */
    JsonNode read(String token, String pid, UUID dossierId, List<String> fields) {
        String answer = http.get()
                .uri(b -> b.path("/api/registry/citizens/{pid}")
                        .queryParam("purpose", PURPOSE)
                        .queryParam("fields", String.join(",", fields))
                        .queryParam("reference", dossierId.toString())
                        .build(pid))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(String.class);
        return json.readTree(answer);
    }
}
