package vn.egov.registry.citizen;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the registry stores and searches it: NFC-normalised with single spaces, and a folded form
 * without diacritics or case for name search ({@code "Nguyễn Văn Ân"} and {@code "NGUYEN van an"} fold alike;
 * {@code đ/Đ} fold to {@code d}).
 */
public final class Names {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {}

    /** NFC, trimmed, inner whitespace collapsed to one space; {@code null} stays {@code null}. */
    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip())
                .replaceAll(" ");
    }

    /** The search key: no diacritics, lower case, single spaces. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(nfc(text), Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
    }

    /** Equality for verification: same letters and diacritics, ignoring case and spacing. */
    public static boolean sameName(String a, String b) {
        return a != null && b != null && nfc(a).toLowerCase(Locale.ROOT).equals(nfc(b).toLowerCase(Locale.ROOT));
    }
}
