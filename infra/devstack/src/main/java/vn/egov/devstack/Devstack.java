package vn.egov.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./egov up | down | status | logs}: the local e-government stack, every part its own process.
 *
 * <p>See {@code infra/devstack/README.md}.
 */
public final class Devstack {

    static final String USAGE = """
            Usage: ./egov <command> [component...]

              up [component...]       start the stack (or the named components and what they need), gated on health
              down [component...]     stop what up started: gateway, services, keycloak, mail, kafka, postgres
              status                  one line per component: state, pid, port, health, memory
              logs [component] [-f] [-n lines]
                                      the last lines of a component's log (all logs when none is named); -f follows
              reset                   delete .egov/data (PostgreSQL and Kafka data) while the stack is down
              test                    ./mvnw verify, up, the system tests against the stack, down (in ./egov)
              help                    this text

            Components: postgres kafka keycloak mail portal interchange registry reporting gateway
            State lives in .egov/ (logs/, run/, data/); set EGOV_DB_URL, EGOV_KAFKA_BOOTSTRAP, EGOV_OIDC_ISSUER
            or EGOV_SMTP_HOST to use your own infrastructure instead of the embedded one.
            """;

    private Devstack() {}

    public static void main(String[] args) {
        // quiet Kafka's admin client (used for the health probe) before any logger exists
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
        System.exit(run(args, StackConfig.fromSystem(), System.out));
    }

    static int run(String[] args, StackConfig config, PrintStream out) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        Progress progress = new Progress(out);
        Stack stack = new Stack(config, progress);
        try {
            return switch (command) {
                case "up" -> {
                    Stack.UpReport report = stack.up(rest);
                    new Summary(config, stack, progress).print(report, rest.isEmpty());
                    yield report.ok() ? 0 : 1;
                }
                case "down" -> {
                    stack.down(rest);
                    yield 0;
                }
                case "status" -> stack.status() ? 0 : 3;
                case "reset" -> stack.reset() ? 0 : 1;
                case "logs" -> Logs.show(stack, config, rest, out);
                case "help", "-h", "--help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    out.println("Unknown command '" + command + "'.");
                    out.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
