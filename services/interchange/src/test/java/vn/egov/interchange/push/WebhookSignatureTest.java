package vn.egov.interchange.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final byte[] BODY = "<edXMLEnvelope/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheDocumentedCanonicalString() {
        // printf '1700000000.<edXMLEnvelope/>' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sha256=fcf58b112e60114ed6c7aebc3bfc1974e5ce11d34e0509d1151adf39d9102345");
    }

    @Test
    void aReceiverRejectsAnyChange() {
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", BODY, signature))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        "whsec_test", "1700000000", "<edXMLEnvelope />".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000001", BODY, signature))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_other", "1700000000", BODY, signature))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "17e8", BODY, signature))
                .isFalse();
    }
}
