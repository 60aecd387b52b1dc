package vn.egov.interchange.messagelog;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Dịch vụ cấp dấu thời gian — the platform's RFC 3161 time-stamping authority, built on BouncyCastle's TSP
 * implementation, with a certificate from the development CA. The axis seals its message-log checkpoints with it
 * ({@link #timestamp}) and other services ask it over HTTP ({@link #respond}, {@code POST /api/interchange/timestamps}).
 * Tokens name the policy {@link #POLICY}, imprints are SHA-256, SHA-384 or SHA-512; a request for another policy or
 * digest gets a {@code rejection} reply, as does one that cannot be read ({@code badDataFormat}).
 */
public final class LocalTimestampAuthority implements Timestamper {

    /** The TSA policy written in every token (the platform's private arc). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.61004.1.1");

    private static final Set<ASN1ObjectIdentifier> DIGESTS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

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
    public byte[] timestamp(byte[] sha256) {
        try {
            var request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            var tsq = request.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
            TimeStampResponse response = generator().generate(tsq, serial(), Date.from(clock.instant()));
            response.validate(tsq);
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot time-stamp", e);
        }
    }

    /**
     * Answers a DER {@code TimeStampReq} with a DER {@code TimeStampResp} (RFC 3161 §2.4): {@code granted} with a
     * token (the nonce echoed, the certificate included when {@code certReq} asks for it), or {@code rejection} with
     * the failure ({@code badDataFormat} for an unreadable request, {@code badAlg}, {@code unacceptedPolicy}).
     */
    @Override
    public byte[] respond(byte[] timeStampRequest) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(timeStampRequest);
            } catch (IOException | RuntimeException e) {
                return generator()
                        .generateFailResponse(
                                PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, "unreadable TimeStampReq")
                        .getEncoded(ASN1Encoding.DL);
            }
            return generator()
                    .generate(request, serial(), Date.from(clock.instant()))
                    .getEncoded(ASN1Encoding.DL);
        } catch (Exception e) {
            throw new IllegalStateException("cannot time-stamp", e);
        }
    }

    private TimeStampResponseGenerator generator() throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate);
        var tokens = new TimeStampTokenGenerator(
                signerInfo, digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        return new TimeStampResponseGenerator(tokens, DIGESTS, Set.of(POLICY));
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }
}
