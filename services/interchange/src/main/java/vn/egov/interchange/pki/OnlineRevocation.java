package vn.egov.interchange.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.interchange.agency.Hashes;

/**
 * Kiểm tra thu hồi trực tuyến — the revocation status of an agency certificate issued by another CA (the national
 * one), decided by the JDK's {@link PKIXRevocationChecker}: OCSP first (the responder named in the certificate's
 * authority information access), then the CRL (its distribution point). This class only carries the bytes: it asks
 * the responder or downloads the CRL with a timeout and hands them to the checker, which verifies the signature,
 * the responder, the certificate id and the freshness. Good and revoked answers are cached for
 * {@code cacheFor}; a CRL is reused until its nextUpdate (at most {@code cacheFor}). Only the agency certificate
 * itself is checked (the subordinate CAs are configured by the operator). When neither source answers: hard-fail
 * throws {@link CertificateTrustException.Kind#UNDETERMINED}, soft-fail logs a warning and accepts.
 */
public class OnlineRevocation {

    private static final Logger log = LoggerFactory.getLogger(OnlineRevocation.class);
    private static final int CACHE_LIMIT = 10_000;
    private static final String[] REASONS = {
        "unspecified",
        "keyCompromise",
        "cACompromise",
        "affiliationChanged",
        "superseded",
        "cessationOfOperation",
        "certificateHold",
        "unused",
        "removeFromCRL",
        "privilegeWithdrawn",
        "aACompromise"
    };

    /** What one source said: good, revoked (with the exception to throw), or nothing usable. */
    private record Verdict(boolean known, CertificateTrustException revoked) {
        static final Verdict GOOD = new Verdict(true, null);
        static final Verdict UNKNOWN = new Verdict(false, null);

        static Verdict revoked(CertificateTrustException e) {
            return new Verdict(true, e);
        }
    }

    private record Answer(CertificateTrustException revoked, Instant until) {}

    private record FetchedCrl(X509CRL crl, Instant until) {}

    private final HttpClient http;
    private final PkiProperties.Revocation settings;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<URI, FetchedCrl> crls = new ConcurrentHashMap<>();

    public OnlineRevocation(PkiProperties.Revocation settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Checks the first certificate of {@code path} (which chains to {@code anchor}) at {@code at}.
     *
     * @throws CertificateTrustException REVOKED, or UNDETERMINED under hard-fail
     */
    public void check(CertPath path, TrustAnchor anchor, Instant at) {
        X509Certificate leaf = (X509Certificate) path.getCertificates().getFirst();
        X509Certificate issuer = path.getCertificates().size() > 1
                ? (X509Certificate) path.getCertificates().get(1)
                : anchor.getTrustedCert();
        String key = fingerprint(leaf);
        Instant now = clock.instant();
        Answer cached = answers.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            if (cached.revoked() != null) {
                throw cached.revoked();
            }
            return;
        }
        List<String> failures = new ArrayList<>();
        Verdict verdict = viaOcsp(path, anchor, leaf, issuer, at, failures);
        if (!verdict.known()) {
            verdict = viaCrl(path, anchor, leaf, at, failures);
        }
        if (!verdict.known()) {
            String why = String.join("; ", failures);
            if (settings.whenUnavailable() == PkiProperties.Unavailable.SOFT_FAIL) {
                log.warn(
                        "revocation status of {} unknown, accepted on its chain (soft-fail): {}",
                        leaf.getSubjectX500Principal(),
                        why);
                return;
            }
            throw new CertificateTrustException(
                    CertificateTrustException.Kind.UNDETERMINED,
                    "Không xác định được tình trạng thu hồi của chứng thư số (OCSP và CRL không trả lời): " + why
                            + ". Hãy gửi lại sau.");
        }
        if (answers.size() > CACHE_LIMIT) {
            answers.clear();
        }
        answers.put(key, new Answer(verdict.revoked(), now.plus(settings.cacheFor())));
        if (verdict.revoked() != null) {
            throw verdict.revoked();
        }
    }

    private Verdict viaOcsp(
            CertPath path,
            TrustAnchor anchor,
            X509Certificate leaf,
            X509Certificate issuer,
            Instant at,
            List<String> failures) {
        URI responder = ocspUri(leaf);
        if (responder == null) {
            failures.add("chứng thư không ghi địa chỉ OCSP");
            return Verdict.UNKNOWN;
        }
        byte[] response;
        try {
            CertificateID id = new JcaCertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    issuer,
                    leaf.getSerialNumber());
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(responder)
                            .timeout(settings.timeout())
                            .header("Content-Type", "application/ocsp-request")
                            .header("Accept", "application/ocsp-response")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                failures.add("OCSP " + responder + " trả lời HTTP " + answer.statusCode());
                return Verdict.UNKNOWN;
            }
            response = answer.body();
            int status = new OCSPResp(response).getStatus();
            if (status != OCSPResp.SUCCESSFUL) {
                failures.add("OCSP " + responder + " trả lời trạng thái " + status);
                return Verdict.UNKNOWN;
            }
        } catch (IOException
                | GeneralSecurityException
                | RuntimeException
                | org.bouncycastle.operator.OperatorException
                | org.bouncycastle.cert.ocsp.OCSPException e) {
            failures.add("OCSP " + responder + ": " + e.getClass().getSimpleName());
            return Verdict.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("OCSP " + responder + ": interrupted");
            return Verdict.UNKNOWN;
        }
        return validate(path, anchor, at, failures, "OCSP", checker -> {
            checker.setOptions(
                    EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
            checker.setOcspResponses(Map.of(leaf, response));
            return List.of();
        });
    }

    private Verdict viaCrl(CertPath path, TrustAnchor anchor, X509Certificate leaf, Instant at, List<String> failures) {
        List<CRL> found = new ArrayList<>();
        for (URI uri : crlUris(leaf)) {
            X509CRL crl = fetchCrl(uri, failures);
            if (crl != null) {
                found.add(crl);
                break;
            }
        }
        if (found.isEmpty()) {
            if (crlUris(leaf).isEmpty()) {
                failures.add("chứng thư không ghi điểm phân phối CRL");
            }
            return Verdict.UNKNOWN;
        }
        return validate(path, anchor, at, failures, "CRL", checker -> {
            checker.setOptions(EnumSet.of(
                    PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            return found;
        });
    }

    private interface Configure {
        List<CRL> apply(PKIXRevocationChecker checker);
    }

    private Verdict validate(
            CertPath path, TrustAnchor anchor, Instant at, List<String> failures, String source, Configure configure) {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            List<CRL> crlList = configure.apply(checker);
            PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(true);
            parameters.addCertPathChecker(checker);
            if (!crlList.isEmpty()) {
                parameters.addCertStore(
                        CertStore.getInstance("Collection", new CollectionCertStoreParameters(crlList)));
            }
            validator.validate(path, parameters);
            return Verdict.GOOD;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                Throwable cause = e.getCause();
                if (cause instanceof CertificateRevokedException r) {
                    int code = r.getRevocationReason().ordinal();
                    return Verdict.revoked(CertificateTrustException.revoked(
                            r.getRevocationDate().toInstant(), code < REASONS.length ? REASONS[code] : null));
                }
                return Verdict.revoked(CertificateTrustException.revoked(at, null));
            }
            failures.add(source + ": " + e.getMessage());
            return Verdict.UNKNOWN;
        } catch (GeneralSecurityException e) {
            failures.add(source + ": " + e.getMessage());
            return Verdict.UNKNOWN;
        }
    }

    private X509CRL fetchCrl(URI uri, List<String> failures) {
        Instant now = clock.instant();
        FetchedCrl cached = crls.get(uri);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.crl();
        }
        try {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(settings.timeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                failures.add("CRL " + uri + " trả lời HTTP " + answer.statusCode());
                return null;
            }
            X509CRL crl = (X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(answer.body()));
            Instant until = now.plus(settings.cacheFor());
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
                until = crl.getNextUpdate().toInstant();
            }
            if (crls.size() > 100) {
                crls.clear();
            }
            crls.put(uri, new FetchedCrl(crl, until));
            return crl;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failures.add("CRL " + uri + ": " + e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("CRL " + uri + ": interrupted");
            return null;
        }
    }

    static URI ocspUri(X509Certificate certificate) {
        try {
            var aia = AuthorityInformationAccess.fromExtensions(
                    new JcaX509CertificateHolder(certificate).getExtensions());
            if (aia == null) {
                return null;
            }
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())) {
                    URI uri = httpUri(d.getAccessLocation());
                    if (uri != null) {
                        return uri;
                    }
                }
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    static List<URI> crlUris(X509Certificate certificate) {
        List<URI> uris = new ArrayList<>();
        try {
            var extensions = new JcaX509CertificateHolder(certificate).getExtensions();
            if (extensions == null || extensions.getExtension(Extension.cRLDistributionPoints) == null) {
                return uris;
            }
            CRLDistPoint points = CRLDistPoint.getInstance(
                    extensions.getExtension(Extension.cRLDistributionPoints).getParsedValue());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g :
                            GeneralNames.getInstance(name.getName()).getNames()) {
                        URI uri = httpUri(g);
                        if (uri != null) {
                            uris.add(uri);
                        }
                    }
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // no usable distribution point
        }
        return uris;
    }

    private static URI httpUri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return null;
        }
        String text = name.getName().toString();
        return text.startsWith("http://") || text.startsWith("https://") ? URI.create(text) : null;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return Hashes.sha256Hex(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
