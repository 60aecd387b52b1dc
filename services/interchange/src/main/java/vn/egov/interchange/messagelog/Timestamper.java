package vn.egov.interchange.messagelog;

import java.security.cert.X509Certificate;

/** Dấu thời gian — RFC 3161 time-stamping of a SHA-256 digest. */
public interface Timestamper {

    /** A DER-encoded RFC 3161 TimeStampToken over the digest. */
    byte[] timestamp(byte[] sha256);

    /** The DER-encoded RFC 3161 TimeStampResp answering a DER-encoded TimeStampReq (granted or rejected). */
    byte[] respond(byte[] timeStampRequest);

    /** The certificate that verifies the tokens. */
    X509Certificate certificate();
}
