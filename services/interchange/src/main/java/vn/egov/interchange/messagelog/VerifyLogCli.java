package vn.egov.interchange.messagelog;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.messagelog.web.MessageLogController.Export;

/**
 * Offline verifier: {@code java -cp interchange.jar -Dloader.main=vn.egov.interchange.messagelog.VerifyLogCli
 * org.springframework.boot.loader.launch.PropertiesLauncher export.json}. Reads an export of
 * {@code GET /api/interchange/message-log} and prints the verdict; exit code 0 when valid, 1 when broken.
 */
public final class VerifyLogCli {

    private VerifyLogCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: VerifyLogCli <export.json>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out));
    }

    /** Verifies the export in {@code file}, prints the verdict, returns the exit code (0 valid, 1 broken). */
    public static int run(Path file, java.io.PrintStream out) throws java.io.IOException {
        Export export = JsonMapper.shared().readValue(Files.readAllBytes(file), Export.class);
        LogVerifier.Result result = export.verify();
        if (result.valid()) {
            out.printf("OK: %d entries, %d checkpoints verified%n", result.entries(), result.checkpoints());
            return 0;
        }
        out.println("BROKEN at seq " + result.firstBrokenSeq() + ": " + result.reason());
        return 1;
    }
}
