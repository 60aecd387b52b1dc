package vn.egov.platform.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudEvents {@code type} of the backbone: {@code vn.egov.<service>.<aggregate>.<event>.v<N>}, e.g.
 * {@code vn.egov.portal.dossier.submitted.v1}. Segments are lower case, digits and hyphens.
 */
public record EventType(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("vn\\.egov\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.v([1-9][0-9]*)");

    public EventType {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "event type must look like vn.egov.<service>.<aggregate>.<event>.v<N>, was: " + value);
        }
    }

    public static EventType of(String value) {
        return new EventType(value);
    }

    public String service() {
        return part(1);
    }

    public String aggregate() {
        return part(2);
    }

    public String event() {
        return part(3);
    }

    public int version() {
        return Integer.parseInt(part(4));
    }

    private String part(int group) {
        Matcher m = FORMAT.matcher(value);
        m.matches();
        return m.group(group);
    }

    @Override
    public String toString() {
        return value;
    }
}
