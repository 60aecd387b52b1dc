package vn.egov.portal.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Signing and verifying e-results with the development keystore's agency keys. */
class ResultSignaturesTest {

    final AgencyKeys keys = new AgencyKeys(
            new ResultProperties("classpath:dev/result-signing-keys.p12", "dev-only-result-keys", "development"),
            new DefaultResourceLoader());
    final ResultSignatures signatures = new ResultSignatures();
    final AgencyKeys.SigningKey hue = keys.forAgency("000.00.00.H57").orElseThrow();

    byte[] signed(String decision) {
        return signatures.sign(
                ResultDocuments.document(
                        "000.00.00.H57-261123-0001",
                        "1.001612",
                        "Đăng ký khai sinh",
                        "000.00.00.H57",
                        "UBND thành phố Huế",
                        "Nguyễn Văn An",
                        decision,
                        LocalDate.of(2026, 11, 27),
                        "officer.hue"),
                hue.key(),
                hue.certificate());
    }

    @Test
    void aSignedResultVerifiesWithItsAgencysCertificate() {
        var verification = signatures.verify(signed("Cấp Giấy khai sinh số 12/2026"), hue.certificate());
        assertThat(verification.valid()).as(verification.detail()).isTrue();
    }

    @Test
    void aChangedDecisionIsDetected() {
        String text = new String(signed("Không cấp"), StandardCharsets.UTF_8);
        byte[] tampered = text.replace(">Không cấp<", ">Cấp<").getBytes(StandardCharsets.UTF_8);
        var verification = signatures.verify(tampered, hue.certificate());
        assertThat(verification.valid()).isFalse();
        assertThat(verification.detail()).contains("đã bị thay đổi");
    }

    @Test
    void anotherAgencysCertificateDoesNotVerifyIt() {
        var verification = signatures.verify(
                signed("Cấp"), keys.byAlias("development").orElseThrow().certificate());
        assertThat(verification.valid()).isFalse();
        assertThat(verification.detail()).contains("chứng thư số khác");
    }

    @Test
    void aDoctypeIsNeverParsed() {
        byte[] evil = """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><EResult>&e;</EResult>""".getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.verify(evil, hue.certificate()).valid()).isFalse();
    }

    @Test
    void theKeystoreFindsAgenciesCaseInsensitivelyAndFallsBackToTheDevelopmentKey() {
        assertThat(keys.forAgency("000.00.00.h57").orElseThrow().alias()).isEqualTo("000.00.00.h57");
        assertThat(keys.forAgency("000.00.00.G22").orElseThrow().alias()).isEqualTo("development");
        var production = new AgencyKeys(
                new ResultProperties("classpath:dev/result-signing-keys.p12", "dev-only-result-keys", ""),
                new DefaultResourceLoader());
        assertThat(production.forAgency("000.00.00.G22")).isEmpty();
    }
}
