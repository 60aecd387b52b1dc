package vn.egov.platform.outbox;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM, with its log on disk, so a test can kill it and start it again
 * on the same port and data (the in-JVM test broker cannot be restarted).
 */
final class RestartableBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path data;
    private final Path log;
    private Process process;

    RestartableBroker(int port, int controllerPort, Path dir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.data = dir.resolve("kafka");
        this.log = dir.resolve("broker.log");
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        // surefire/failsafe put the real classpath here (java.class.path is a manifest-only jar)
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        RestartableBroker.class.getName(),
                        Integer.toString(port),
                        Integer.toString(controllerPort),
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Ends the broker the hard way, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** The child JVM: format the storage once, then run the broker. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path data = Path.of(args[2]);
        Files.createDirectories(data);
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", data.toAbsolutePath().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1"); // each acked record is on disk before a kill
        File config = data.resolve("server.properties").toFile();
        try (Writer writer = Files.newBufferedWriter(config.toPath(), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : p.entrySet()) {
                writer.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            int code = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, System.out);
            if (code != 0) {
                System.exit(code);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }
}
