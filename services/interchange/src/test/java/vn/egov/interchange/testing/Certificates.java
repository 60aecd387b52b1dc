package vn.egov.interchange.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.egov.interchange.pki.DevelopmentCa;

/** Certificates a CA might issue that are not fit to sign packages, for tests of the key-usage rules. */
public final class Certificates {

    private Certificates() {}

    /**
     * A certificate for {@code organisationCode} issued by {@code ca}, with the given basic constraints and key usage.
     *
     * @param isCa basicConstraints CA=true
     * @param keyUsage the KeyUsage bits ({@link KeyUsage#digitalSignature}, …), or -1 for no KeyUsage extension
     */
    public static DevelopmentCa.Issued issue(DevelopmentCa ca, String organisationCode, boolean isCa, int keyUsage) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                            ca.certificate(),
                            BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(Duration.ofDays(30))),
                            new X500Name("C=VN,OU=" + organisationCode + ",CN=" + organisationCode),
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (keyUsage >= 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
            return new DevelopmentCa.Issued(certificate, pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue test certificate", e);
        }
    }
}
