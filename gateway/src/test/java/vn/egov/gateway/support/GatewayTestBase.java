package vn.egov.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway on a random port against {@link TestEnvironment}; every subclass shares the one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

    protected static final TestEnvironment env = TestEnvironment.get();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        env.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
        env.backend.reset();
    }

    public static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo(code);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:egov:problem:" + code);
        assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isNotBlank();
    }
}
