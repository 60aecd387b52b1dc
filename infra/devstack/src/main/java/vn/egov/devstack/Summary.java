package vn.egov.devstack;

import java.util.List;
import java.util.Locale;

/** What {@code up} prints at the end: where everything is, how to log in, how long it took, how much memory. */
final class Summary {

    private record Account(String username, String role, String agency, String name) {}

    private static final List<Account> ACCOUNTS = List.of(
            new Account("001099012345", "citizen", "", "Nguyễn Văn An; username = personal ID number"),
            new Account("officer.vpcp", "officer", "000.00.00.G22", "Văn phòng Chính phủ"),
            new Account("officer.hue", "officer", "000.00.00.H57", "UBND thành phố Huế"),
            new Account("clerk.hue", "clerk", "000.00.00.H57", "văn thư"),
            new Account("reporter.hue", "reporter", "000.00.00.H57", ""),
            new Account("auditor", "auditor", "", ""),
            new Account("admin", "platform-admin", "", ""));

    private final StackConfig config;
    private final Stack stack;
    private final Progress progress;

    Summary(StackConfig config, Stack stack, Progress progress) {
        this.config = config;
        this.stack = stack;
        this.progress = progress;
    }

    void print(Stack.UpReport report, boolean wholeStack) {
        StringBuilder out = new StringBuilder("\n");
        if (!report.ok()) {
            out.append("The stack is NOT ready:\n");
            report.results().stream()
                    .filter(result -> !result.outcome().ok())
                    .forEach(result -> out.append(String.format(
                            Locale.ROOT,
                            "  %-12s %s: %s%n",
                            result.component().name,
                            result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            result.detail())));
            out.append("Logs: ")
                    .append(config.display(config.logs()))
                    .append("/<component>.log · ./egov status · ./egov down\n");
        } else if (wholeStack) {
            appendUrls(out);
            appendAccounts(out);
        } else {
            out.append("Started what was asked for:\n");
            report.results()
                    .forEach(result -> out.append(String.format(
                            Locale.ROOT,
                            "  %-12s %s%n",
                            result.component().name,
                            result.outcome() == Stack.Outcome.SKIPPED
                                    ? result.detail()
                                    : result.component().url())));
        }
        appendFigures(out, report);
        progress.block(out.toString());
    }

    private void appendUrls(StringBuilder out) {
        String gateway = "http://localhost:" + config.port("gateway");
        String issuer = config.env("EGOV_OIDC_ISSUER")
                .orElse("http://localhost:" + config.port("keycloak") + "/realms/" + KeycloakComponent.REALM);
        out.append("The e-government stack is up.\n\n");
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "Gateway (log in here)", gateway));
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "API documents", gateway + "/api-docs"));
        if (config.env("EGOV_OIDC_ISSUER").isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-28s %s  (admin / admin)%n",
                    "Keycloak admin console",
                    "http://localhost:" + config.port("keycloak")));
        } else {
            out.append(String.format(Locale.ROOT, "  %-28s %s%n", "OIDC issuer (external)", issuer));
        }
        if (config.env("EGOV_SMTP_HOST").isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-28s %s%n",
                    "Mail received (SMTP :" + config.port("smtp") + ")",
                    "http://localhost:" + config.port("mail") + "/messages"));
        }
        for (String service : JarComponent.SERVICES) {
            out.append(String.format(
                    Locale.ROOT, "  %-28s %s%n", service + " (direct)", "http://localhost:" + config.port(service)));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "  %-28s %s%n",
                        "PostgreSQL",
                        config.env("EGOV_DB_URL")
                                .orElse(
                                        "localhost:" + config.port("postgres")
                                                + "  (database = role = password: portal, interchange, registry, reporting, gateway, keycloak)")));
        out.append(String.format(
                Locale.ROOT,
                "  %-28s %s%n",
                "Kafka",
                config.env("EGOV_KAFKA_BOOTSTRAP").orElse("localhost:" + config.port("kafka"))));
        out.append("\n");
    }

    private void appendAccounts(StringBuilder out) {
        out.append("Demo accounts (password Egov@2026):\n");
        out.append(String.format(Locale.ROOT, "  %-14s %-15s %-14s %s%n", "USERNAME", "ROLE", "AGENCY", ""));
        for (Account account : ACCOUNTS) {
            out.append(String.format(
                                    Locale.ROOT,
                                    "  %-14s %-15s %-14s %s%n",
                                    account.username(),
                                    account.role(),
                                    account.agency(),
                                    account.name())
                            .stripTrailing())
                    .append('\n');
        }
        String issuer = config.env("EGOV_OIDC_ISSUER")
                .orElse("http://localhost:" + config.port("keycloak") + "/realms/" + KeycloakComponent.REALM);
        out.append("\nIntegrator client (client credentials): demo-integrator / demo-integrator-secret\n");
        out.append("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=demo-integrator \\\n");
        out.append("    -d client_secret=demo-integrator-secret \\\n");
        out.append("    ").append(issuer).append("/protocol/openid-connect/token \\\n");
        out.append("    | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        out.append("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:")
                .append(config.port("gateway"))
                .append("/api/registry/caller\n\n");
    }

    private void appendFigures(StringBuilder out, Stack.UpReport report) {
        Stack.Memory total = new Stack.Memory(0, 0);
        StringBuilder perComponent = new StringBuilder();
        for (Stack.Result result : report.results()) {
            Stack.Memory memory = stack.memory(result.component());
            if (memory.rss() > 0) {
                total = total.plus(memory);
                perComponent.append(String.format(Locale.ROOT, "  %-12s %s%n", result.component().name, memory));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "%s in %.1f s; resident memory (sum of VmRSS) %s in total, PSS %s:%n",
                report.ok() ? "Ready" : "Stopped trying",
                report.seconds(),
                Stack.megabytes(total.rss()),
                Stack.megabytes(total.pss())));
        out.append(perComponent);
        out.append("Stop everything with ./egov down.\n");
    }
}
