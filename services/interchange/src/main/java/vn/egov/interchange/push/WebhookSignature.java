package vn.egov.interchange.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chữ ký yêu cầu đẩy — the signature of a push request. The canonical string is the {@code Webhook-Timestamp}
 * header's value (decimal Unix seconds, ASCII), one full stop, then the request body byte for byte; the signature is
 * HMAC-SHA256 of it keyed with the UTF-8 bytes of the agency's webhook secret, sent as
 * {@code Webhook-Signature: sha256=<64 lower-case hex digits>}.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** The {@code Webhook-Signature} value for a timestamp and a body. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver does: recompute and compare in constant time (the receiver also bounds the timestamp's age). */
    public static boolean verify(String secret, String timestamp, byte[] body, String signature) {
        if (secret == null || timestamp == null || signature == null || !timestamp.matches("[0-9]{1,19}")) {
            return false;
        }
        byte[] expected = sign(secret, Long.parseLong(timestamp), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
