package vn.egov.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A single-node KRaft Kafka broker ({@link KafkaMain}); absent when {@code EGOV_KAFKA_BOOTSTRAP} is set. */
final class KafkaComponent extends Component {

    KafkaComponent(StackConfig config) {
        super("kafka", config);
    }

    @Override
    int port() {
        return config.port("kafka");
    }

    @Override
    List<Integer> ports() {
        return List.of(port(), config.port("kafka-controller"));
    }

    @Override
    List<String> dependsOn() {
        return List.of("postgres");
    }

    @Override
    Optional<String> skipReason() {
        return config.env("EGOV_KAFKA_BOOTSTRAP").map(servers -> "external: EGOV_KAFKA_BOOTSTRAP=" + servers);
    }

    @Override
    boolean external() {
        return true;
    }

    @Override
    List<String> command() {
        return holderJvm(
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                KafkaMain.class,
                List.of(
                        "--port", Integer.toString(port()),
                        "--controller-port", Integer.toString(config.port("kafka-controller")),
                        "--data", config.data().resolve("kafka").toString(),
                        "--config",
                                config.home()
                                        .resolve("conf")
                                        .resolve("kafka-server.properties")
                                        .toString()));
    }

    @Override
    boolean healthy() {
        return Health.kafka("localhost:" + port(), port());
    }

    @Override
    String healthDescription() {
        return "Kafka describeCluster on localhost:" + port();
    }

    @Override
    Duration defaultStartTimeout() {
        return Duration.ofSeconds(120);
    }
}
