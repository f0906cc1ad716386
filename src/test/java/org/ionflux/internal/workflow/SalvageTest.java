package org.ionflux.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.ionflux.internal.output.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signal handler out of patience moves the outputs so far to DIR.failed; no hidden folder stays. */
class SalvageTest {

    @TempDir
    Path tmp;

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void abandonMovesTheWorkFolderToDirFailedOnce() throws Exception {
        OutputFolder folder = OutputFolder.of(tmp.resolve("out"), Set.of("trace.csv", "summary.json"));
        Path work = folder.newWorkFolder();
        Files.writeString(work.resolve("trace.csv"), "t_s\n0.0\n");
        RunJob.Salvage salvage = new RunJob.Salvage();
        assertThat(salvage.abandon()).as("nothing started yet").isNull();
        salvage.started(folder, work);
        assertThat(salvage.abandon()).isEqualTo(tmp.resolve("out.failed").toAbsolutePath());
        assertThat(names(tmp)).containsExactly("out.failed");
        assertThat(tmp.resolve("out.failed/trace.csv")).hasContent("t_s\n0.0");
        assertThat(salvage.abandon()).isNull();
        assertThatThrownBy(() -> salvage.publish(true)).hasMessageContaining("already moved");
        assertThat(names(tmp)).containsExactly("out.failed");
    }

    @Test
    void afterAPublishThereIsNothingToAbandon() throws Exception {
        OutputFolder folder = OutputFolder.of(tmp.resolve("out"), Set.of("trace.csv", "summary.json"));
        Path work = folder.newWorkFolder();
        Files.writeString(work.resolve("summary.json"), "{}");
        RunJob.Salvage salvage = new RunJob.Salvage();
        salvage.started(folder, work);
        assertThat(salvage.publish(true)).isEqualTo(tmp.resolve("out").toAbsolutePath());
        assertThat(salvage.abandon()).isNull();
        assertThat(names(tmp)).containsExactly("out");
    }
}
