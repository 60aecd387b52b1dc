package vn.egov.devstack;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of the holder JVMs. */
record Args(Map<String, String> values) {

    static Args parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Args(Map.copyOf(values));
    }

    String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    int intValue(String name) {
        return Integer.parseInt(value(name));
    }
}
