package vn.egov.interchange.pki;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tin cậy chứng thư số — whether an agency certificate may sign packages now: it chains (JDK PKIX path building, with
 * the configured subordinate CAs) to a trust anchor, and it is not revoked. Certificates issued directly by the
 * development CA are looked up in its own revocation table (no network); others go through {@link OnlineRevocation}
 * (OCSP, then CRL).
 */
public class CertificateTrust {

    private final List<X509Certificate> configuredAnchors;
    private final List<X509Certificate> intermediates;
    private final Supplier<DevelopmentCa> developmentCa;
    private final Revocations revocations;
    private final OnlineRevocation online;

    /**
     * @param developmentCa the development CA, or null when it is disabled
     * @param revocations its revocation register, or null when it is disabled
     */
    public CertificateTrust(
            List<X509Certificate> configuredAnchors,
            List<X509Certificate> intermediates,
            Supplier<DevelopmentCa> developmentCa,
            Revocations revocations,
            OnlineRevocation online) {
        this.configuredAnchors = List.copyOf(configuredAnchors);
        this.intermediates = List.copyOf(intermediates);
        this.developmentCa = developmentCa;
        this.revocations = revocations;
        this.online = online;
    }

    /** The chain from {@code certificate} (first) up to, not including, the anchor, and the anchor. */
    public record Chain(PKIXCertPathBuilderResult result) {
        public X509Certificate anchor() {
            return result.getTrustAnchor().getTrustedCert();
        }

        public List<X509Certificate> certificates() {
            return result.getCertPath().getCertificates().stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
    }

    /**
     * Chain and revocation status at {@code at}.
     *
     * @throws CertificateTrustException NOT_FOR_SIGNING, UNTRUSTED, REVOKED (with the time), or UNDETERMINED
     *     (hard-fail)
     */
    public Chain check(X509Certificate certificate, Instant at) {
        Chain chain = chain(certificate, at);
        checkSigningUse(certificate);
        DevelopmentCa dev = developmentCa == null ? null : developmentCa.get();
        if (dev != null
                && chain.anchor().equals(dev.certificate())
                && chain.certificates().size() == 1) {
            revocations
                    .find(certificate.getSerialNumber())
                    .filter(r -> !r.revokedAt().isAfter(at))
                    .ifPresent(r -> {
                        throw CertificateTrustException.revoked(
                                r.revokedAt(), r.reason().name());
                    });
        } else {
            online.check(chain.result().getCertPath(), chain.result().getTrustAnchor(), at);
        }
        return chain;
    }

    /**
     * An agency's signing certificate is an end entity's (basicConstraints without CA=true) and, when it has the
     * KeyUsage extension, allows {@code digitalSignature} or {@code nonRepudiation} (RFC 5280 §4.2.1.3, §4.2.1.9). PKIX
     * path validation checks neither for the certificate at the end of the path.
     *
     * @throws CertificateTrustException NOT_FOR_SIGNING
     */
    public static void checkSigningUse(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        if (certificate.getBasicConstraints() >= 0) {
            throw new CertificateTrustException(
                    CertificateTrustException.Kind.NOT_FOR_SIGNING,
                    "Chứng thư số \"" + subject + "\" là chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA=true),"
                            + " không dùng làm chứng thư ký số của cơ quan.");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
            throw new CertificateTrustException(
                    CertificateTrustException.Kind.NOT_FOR_SIGNING,
                    "Chứng thư số \"" + subject + "\" không cho phép ký số: mục đích sử dụng khóa (keyUsage) không có"
                            + " digitalSignature hay nonRepudiation.");
        }
    }

    /**
     * The path from the certificate to a trust anchor, at {@code at}, revocation not considered.
     *
     * @throws CertificateTrustException UNTRUSTED when there is none
     */
    public Chain chain(X509Certificate certificate, Instant at) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate anchor : anchors()) {
            anchors.add(new TrustAnchor(anchor, null));
        }
        if (anchors.isEmpty()) {
            throw new CertificateTrustException(
                    CertificateTrustException.Kind.UNTRUSTED,
                    "Hệ thống chưa cấu hình chứng thư gốc tin cậy (egov.interchange.pki.trust-anchors).");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            var result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            return new Chain(result);
        } catch (CertPathBuilderException e) {
            throw new CertificateTrustException(
                    CertificateTrustException.Kind.UNTRUSTED,
                    "Chứng thư số \"" + certificate.getSubjectX500Principal().getName() + "\" (cấp bởi \""
                            + certificate.getIssuerX500Principal().getName()
                            + "\") không dẫn tới chứng thư gốc tin cậy nào của hệ thống.");
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    /** The configured national roots, and the development CA while it is enabled. */
    public List<X509Certificate> anchors() {
        List<X509Certificate> all = new ArrayList<>(configuredAnchors);
        DevelopmentCa dev = developmentCa == null ? null : developmentCa.get();
        if (dev != null) {
            all.add(dev.certificate());
        }
        return all;
    }
}
