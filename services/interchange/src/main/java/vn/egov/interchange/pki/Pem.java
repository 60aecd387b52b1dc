package vn.egov.interchange.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PEM text for certificates and PKCS#8 private keys. */
public final class Pem {

    private Pem() {}

    public static String certificate(X509Certificate certificate) {
        try {
            return wrap("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privateKey(PrivateKey key) {
        return wrap("PRIVATE KEY", key.getEncoded());
    }

    /** Reads a PEM (or base64 DER) certificate; {@link IllegalArgumentException} when it is not one. */
    public static X509Certificate parseCertificate(String pem) {
        return certificateFromDer(decode(pem, "CERTIFICATE"));
    }

    /** Every certificate of a PEM bundle (several BEGIN CERTIFICATE blocks), in order. */
    public static java.util.List<X509Certificate> certificates(String bundle) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM bundle of X.509 certificates", e);
        }
    }

    public static X509Certificate certificateFromDer(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    public static PrivateKey parsePrivateKey(String pem) {
        return privateKeyFromDer(decode(pem, "PRIVATE KEY"));
    }

    public static PrivateKey privateKeyFromDer(byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not a PKCS#8 RSA or EC private key");
    }

    private static byte[] decode(String pem, String label) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("empty " + label);
        }
        String body = pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not PEM " + label, e);
        }
    }

    private static String wrap(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }
}
