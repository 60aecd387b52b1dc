package vn.egov.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The GreenMail SMTP sink with its HTTP mailbox ({@link MailMain}); absent when {@code EGOV_SMTP_HOST} is set. */
final class MailComponent extends Component {

    MailComponent(StackConfig config) {
        super("mail", config);
    }

    @Override
    int port() {
        return config.port("mail");
    }

    @Override
    List<Integer> ports() {
        return List.of(config.port("smtp"), port());
    }

    @Override
    List<String> dependsOn() {
        return List.of("postgres");
    }

    @Override
    Optional<String> skipReason() {
        return config.env("EGOV_SMTP_HOST").map(host -> "external: EGOV_SMTP_HOST=" + host);
    }

    @Override
    boolean external() {
        return true;
    }

    @Override
    List<String> command() {
        return holderJvm(
                List.of("-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                MailMain.class,
                List.of(
                        "--smtp-port", Integer.toString(config.port("smtp")),
                        "--http-port", Integer.toString(port())));
    }

    @Override
    boolean healthy() {
        return Processes.listening(config.port("smtp")) && Health.http(url(), null);
    }

    @Override
    String healthDescription() {
        return "SMTP on :" + config.port("smtp") + " and GET " + url();
    }

    @Override
    String url() {
        return "http://localhost:" + port() + "/messages";
    }

    @Override
    Duration defaultStartTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(10);
    }
}
