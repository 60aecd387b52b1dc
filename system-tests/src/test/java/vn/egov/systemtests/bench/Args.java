package vn.egov.systemtests.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code key=value} command-line arguments of the benchmarks. */
final class Args {

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, got: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private Args() {}
}
