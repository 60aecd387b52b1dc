package vn.egov.interchange.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Tổ chức cấp chứng thư số thử nghiệm — the development certificate authority of the embedded stack. It issues
 * agency signing certificates (RSA 2048, SHA-256, digital signature + non-repudiation) so documents can be signed
 * and verified end to end without the national CA. Never enabled in production.
 */
public final class DevelopmentCa {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    public DevelopmentCa(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** A new self-signed CA, valid ten years. */
    public static DevelopmentCa generate(Clock clock) {
        KeyPair pair = rsa();
        Instant now = clock.instant();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "e-Government Backbone (development)")
                .addRDN(BCStyle.CN, "Development Interchange CA")
                .build();
        try {
            var ext = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(
                            name,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(Duration.ofDays(3650))),
                            name,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new DevelopmentCa(pair.getPrivate(), convert(builder.build(signer(pair.getPrivate()))), clock);
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot create development CA", e);
        }
    }

    /** A certificate and its private key, handed to an agency's system once. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {}

    /**
     * Where relying parties find the revocation status of the certificates this CA issues: the CRL distribution point,
     * the OCSP responder (authority information access) and the CA certificate (caIssuers).
     */
    public record PublicationPoints(URI crl, URI ocsp, URI caIssuers) {

        /** The interchange's public PKI paths under {@code baseUrl} (the gateway's public address). */
        public static PublicationPoints under(URI baseUrl) {
            String base = baseUrl.toString().replaceAll("/+$", "");
            return new PublicationPoints(
                    URI.create(base + "/api/interchange/pki/crl"),
                    URI.create(base + "/api/interchange/pki/ocsp"),
                    URI.create(base + "/api/interchange/pki/ca-certificate"));
        }
    }

    /** Issues a signing certificate for an agency, valid {@code validity} from now, without publication points. */
    public Issued issue(String organisationCode, String agencyName, Duration validity) {
        return issue(organisationCode, agencyName, validity, null);
    }

    /**
     * Issues a signing certificate for an agency, valid {@code validity} from now; with {@code points}, it names the
     * CRL distribution point and the OCSP responder (and where the CA certificate is published).
     */
    public Issued issue(String organisationCode, String agencyName, Duration validity, PublicationPoints points) {
        KeyPair pair = rsa();
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, agencyName)
                .addRDN(BCStyle.OU, organisationCode)
                .addRDN(BCStyle.CN, organisationCode)
                .build();
        try {
            var ext = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(
                            certificate,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                    .addExtension(
                            Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            if (points != null) {
                var crl = new DistributionPoint(
                        new DistributionPointName(new GeneralNames(uri(points.crl()))), null, null);
                builder.addExtension(
                                Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {crl}))
                        .addExtension(
                                Extension.authorityInfoAccess,
                                false,
                                new AuthorityInformationAccess(new AccessDescription[] {
                                    new AccessDescription(AccessDescription.id_ad_ocsp, uri(points.ocsp())),
                                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri(points.caIssuers()))
                                }));
            }
            return new Issued(convert(builder.build(signer(key))), pair.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue certificate", e);
        }
    }

    /** A time-stamping certificate (extended key usage id-kp-timeStamping, critical) for the axis's own TSA. */
    public Issued issueTimestamping(String name, Duration validity) {
        KeyPair pair = rsa();
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "e-Government Backbone (development)")
                .addRDN(BCStyle.CN, name)
                .build();
        try {
            var builder = new JcaX509v3CertificateBuilder(
                            certificate,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            return new Issued(convert(builder.build(signer(key))), pair.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue time-stamping certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return key;
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
