package vn.egov.interchange.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool that is not ours ({@code xmlsec1}, {@code openssl}) run by a test: exit code and output. */
public record Command(int exit, String output) {

    public static Command run(String... command) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        return new Command(p.exitValue(), output);
    }
}
