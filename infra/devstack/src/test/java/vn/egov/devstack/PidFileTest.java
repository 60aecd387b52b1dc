package vn.egov.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedLiveProcessIsFoundAgain() {
        Path file = dir.resolve("run/x.pid");
        PidFile.of(ProcessHandle.current()).write(file);

        assertThat(PidFile.read(file).flatMap(PidFile::process))
                .map(ProcessHandle::pid)
                .contains(ProcessHandle.current().pid());
    }

    @Test
    void aPidReusedByAnotherProcessIsNotTakenForTheRecordedOne() {
        Path file = dir.resolve("x.pid");
        Instant recordedStart = PidFile.startOf(ProcessHandle.current()).minusSeconds(3600);
        new PidFile(ProcessHandle.current().pid(), recordedStart, 0, null).write(file);

        assertThat(PidFile.read(file).flatMap(PidFile::process)).isEmpty();
    }

    @Test
    void theWrapperIsRecordedBesideTheProcess() {
        Path file = dir.resolve("x.pid");
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle parent = self.parent().orElseThrow();
        PidFile.of(self).withWrapper(parent).write(file);

        PidFile read = PidFile.read(file).orElseThrow();
        assertThat(read.pid()).isEqualTo(self.pid());
        assertThat(read.wrapper()).map(ProcessHandle::pid).contains(parent.pid());
    }

    @Test
    void anUnreadableFileIsNoRecord() throws Exception {
        Path file = dir.resolve("x.pid");
        Files.writeString(file, "pid=abc\n");

        assertThat(PidFile.read(file)).isEmpty();
        assertThat(PidFile.read(dir.resolve("missing.pid"))).isEmpty();
    }
}
