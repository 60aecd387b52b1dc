package vn.egov.interchange.messagelog;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority built on BouncyCastle's TSP implementation, with a certificate from the
 * development CA. Stands in for the platform's time-stamping service until there is one; requests and responses go
 * through the standard encodings, so switching to a remote TSA changes only this class.
 */
public final class LocalTimestampAuthority implements Timestamper {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    public LocalTimestampAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    @Override
    public synchronized byte[] timestamp(byte[] sha256) {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            var signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate);
            var generator = new TimeStampTokenGenerator(
                    signerInfo,
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.61004.1.1"));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            var request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            var tsq = request.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
            TimeStampResponse response = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED)
                    .generate(tsq, new BigInteger(64, RANDOM), Date.from(clock.instant()));
            response.validate(tsq);
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot time-stamp", e);
        }
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }
}
