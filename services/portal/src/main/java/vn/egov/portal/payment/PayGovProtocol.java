package vn.egov.portal.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message protocol of the national payment platform as the portal speaks it (Nền tảng thanh toán trực tuyến,
 * PayGov shape): every message is a flat set of string parameters plus {@code check_sum}.
 *
 * <p>Checksum: HMAC-SHA256, keyed by the shared secret (UTF-8 bytes), over the canonical string, written as 64
 * lower-case hex digits. The canonical string is every parameter except {@code check_sum} whose value is not empty,
 * sorted by name (ascending, by UTF-16 code unit, i.e. ASCII order for our names), written {@code name=value} with
 * the raw (not URL-encoded) UTF-8 value, joined by {@code &}. Example: {@code amount=50000&command=PAY&...}. Times
 * are {@code yyyyMMddHHmmss} in Vietnam time (UTC+7), amounts are whole VND.
 */
public final class PayGovProtocol {

    public static final String CHECK_SUM = "check_sum";
    public static final String VERSION = "3.0";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final byte[] secret;

    public PayGovProtocol(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical string the checksum covers. */
    public static String canonical(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!CHECK_SUM.equals(name) && value != null && !value.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(name).append('=').append(value);
            }
        });
        return out.toString();
    }

    public String checksum(Map<String, String> params) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(params).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters with their {@code check_sum} added (in insertion order, checksum last). */
    public Map<String, String> sign(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove(CHECK_SUM);
        signed.put(CHECK_SUM, checksum(signed));
        return signed;
    }

    /** True when {@code check_sum} is present and matches (constant-time comparison). */
    public boolean verify(Map<String, String> params) {
        String given = params.get(CHECK_SUM);
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                checksum(params).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code base?name=value&...} with every value strictly percent-encoded (UTF-8). */
    public static String url(String base, Map<String, String> params) {
        org.springframework.web.util.UriComponentsBuilder builder =
                org.springframework.web.util.UriComponentsBuilder.fromUriString(base);
        Map<String, Object> values = new java.util.HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String variable = "v" + i++;
            builder.queryParam(param.getKey(), "{" + variable + "}");
            values.put(variable, param.getValue());
        }
        return builder.encode().buildAndExpand(values).toUriString();
    }

    public static String time(Instant instant) {
        return TIME.format(instant.atZone(VIETNAM));
    }

    public static Instant parseTime(String text) {
        return LocalDateTime.parse(text, TIME).atZone(VIETNAM).toInstant();
    }
}
