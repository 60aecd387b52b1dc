package vn.egov.portal.payment;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A payment provider reached over HTTP ({@code egov.portal.payment.provider.base-url}): {@code GET <base>/query} and
 * {@code GET <base>/settlements} with the signed parameters in the query string, JSON answers of string values.
 */
public class HttpPaymentProvider implements PaymentProvider {

    private final RestClient http;
    private final String baseUrl;

    public HttpPaymentProvider(PaymentProperties.Provider provider) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(provider.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(provider.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.baseUrl = provider.baseUrl();
    }

    @Override
    public Map<String, String> query(Map<String, String> signedRequest) {
        try {
            return http.get()
                    .uri(uri("/query", signedRequest))
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, String>>() {});
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("payment provider query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Map<String, String>> settlements(Map<String, String> signedRequest) {
        try {
            return http.get()
                    .uri(uri("/settlements", signedRequest))
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<Map<String, String>>>() {});
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("payment provider settlements failed: " + e.getMessage(), e);
        }
    }

    private java.net.URI uri(String path, Map<String, String> params) {
        return java.net.URI.create(PayGovProtocol.url(baseUrl + path, params));
    }
}
