package vn.egov.interchange.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Công bố tình trạng thu hồi — what a CA tells relying parties about its certificates: a signed CRL (RFC 5280) and
 * signed OCSP responses (RFC 6960), both made with the CA's own key (the CA is its own OCSP responder).
 */
public final class RevocationResponder {

    /** What the CA knows about one serial number. */
    public sealed interface Status {
        record Good() implements Status {}

        record Revoked(Instant at, RevocationReason reason) implements Status {}

        /** Never issued by this CA. */
        record Unknown() implements Status {}
    }

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    public RevocationResponder(X509Certificate caCertificate, PrivateKey caKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** A DER CRL listing every revocation, valid from {@code thisUpdate} to {@code nextUpdate}. */
    public byte[] crl(List<Revocation> revocations, Instant thisUpdate, Instant nextUpdate, BigInteger number) {
        try {
            var builder = new JcaX509v2CRLBuilder(caCertificate.getSubjectX500Principal(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revocation r : revocations) {
                builder.addCRLEntry(
                        r.serialNumber(), Date.from(r.revokedAt()), r.reason().code());
            }
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return builder.build(signer()).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build CRL", e);
        }
    }

    /**
     * The DER OCSP response to a DER OCSP request: for each certificate asked about, {@code good}, {@code revoked}
     * (time and reason) or {@code unknown} (another issuer, or a serial never issued); the request's nonce is echoed.
     * An unreadable request gets the {@code malformedRequest} response status.
     */
    public byte[] ocsp(byte[] request, Function<BigInteger, Status> lookup, Instant now, Instant nextUpdate) {
        try {
            OCSPReq req;
            try {
                req = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder()
                        .build(OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            Req[] asked = req.getRequestList();
            if (asked.length == 0) {
                return new OCSPRespBuilder()
                        .build(OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(caCertificate);
            var builder =
                    new JcaBasicOCSPRespBuilder(caCertificate.getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            for (Req one : asked) {
                CertificateID id = one.getCertID();
                Status status =
                        id.matchesIssuer(issuer, digests) ? lookup.apply(id.getSerialNumber()) : new Status.Unknown();
                CertificateStatus answer =
                        switch (status) {
                            case Status.Good g -> CertificateStatus.GOOD;
                            case Status.Revoked r ->
                                new RevokedStatus(Date.from(r.at()), r.reason().code());
                            case Status.Unknown u -> new UnknownStatus();
                        };
                builder.addResponse(id, answer, Date.from(now), Date.from(nextUpdate), null);
            }
            Optional.ofNullable(req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                    .ifPresent(nonce -> builder.setResponseExtensions(new Extensions(nonce)));
            BasicOCSPResp basic = builder.build(signer(), new X509CertificateHolder[] {issuer}, Date.from(now));
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return response.getEncoded();
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build OCSP response", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    private ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(caKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
