package vn.egov.interchange.agency;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import vn.egov.interchange.pki.Pem;

/**
 * Cơ quan, tổ chức — an agency connected to the interchange axis: its organisation codes (the 2016 four-level form
 * and/or the QĐ 20/2020 form; either identifies it), its parent, contact data, delivery endpoint and the certificate
 * its packages are signed with.
 */
public record Agency(
        UUID id,
        String code2016,
        String code2020,
        String name,
        UUID parentId,
        Contact contact,
        DeliveryEndpoint delivery,
        AgencyCertificate certificate,
        Instant createdAt,
        Instant updatedAt) {

    /** The code shown by default: the 2016 form when the agency has one (still the most common in packages). */
    public String code() {
        return code2016 != null ? code2016 : code2020;
    }

    public boolean isKnownAs(String code) {
        return code != null && (code.equals(code2016) || code.equals(code2020));
    }

    public Agency withCertificate(AgencyCertificate newCertificate, Instant at) {
        return new Agency(id, code2016, code2020, name, parentId, contact, delivery, newCertificate, createdAt, at);
    }

    /** Thông tin liên hệ. */
    public record Contact(String email, String telephone, String fax, String address, String website) {}

    /** How the agency's system receives documents: it pulls its inbox, or the axis pushes to a webhook. */
    public record DeliveryEndpoint(Mode mode, URI webhookUrl) {
        public enum Mode {
            PULL,
            PUSH
        }

        public static DeliveryEndpoint pull() {
            return new DeliveryEndpoint(Mode.PULL, null);
        }
    }

    /** Chứng thư số: the registered signing certificate (DER), its SHA-256 fingerprint, subject and expiry. */
    public record AgencyCertificate(byte[] der, String sha256, String subject, Instant notAfter) {

        public static AgencyCertificate of(X509Certificate certificate) {
            try {
                byte[] der = certificate.getEncoded();
                return new AgencyCertificate(
                        der,
                        Hashes.sha256Hex(der),
                        certificate.getSubjectX500Principal().getName(),
                        certificate.getNotAfter().toInstant());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        /** The certificate, parsed once per distinct DER encoding (a registered certificate is read per package). */
        public X509Certificate x509() {
            java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(der);
            X509Certificate parsed = PARSED.get(key);
            if (parsed == null) {
                parsed = Pem.certificateFromDer(der);
                if (PARSED.size() >= 1024) {
                    PARSED.clear();
                }
                PARSED.put(java.nio.ByteBuffer.wrap(der.clone()), parsed);
            }
            return parsed;
        }

        private static final java.util.Map<java.nio.ByteBuffer, X509Certificate> PARSED =
                new java.util.concurrent.ConcurrentHashMap<>();
    }
}
