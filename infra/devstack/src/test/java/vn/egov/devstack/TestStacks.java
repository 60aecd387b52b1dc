package vn.egov.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Stack configurations for tests: a temporary home and free ports, nothing shared with a running ./egov up. */
final class TestStacks {

    private TestStacks() {}

    static StackConfig config(Path dir, Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        StackConfig.DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, freePort(taken)));
        return new StackConfig(
                dir,
                dir.resolve(".egov"),
                Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"),
                ports,
                env,
                Map.of());
    }

    static int freePort(Set<Integer> taken) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
