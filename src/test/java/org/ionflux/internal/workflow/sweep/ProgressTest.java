package org.ionflux.internal.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line: done, failed, rate and time left; rewritten in place, ended by a line end. */
class ProgressTest {

    @Test
    void theLineSaysWhatIsDoneAndWhatIsLeft() {
        StringWriter text = new StringWriter();
        Progress p = Progress.line(new PrintWriter(text), "demo");
        p.start(1000, 100, 2);
        assertThat(p.text(412, 3, 4.0)).isEqualTo("sweep demo: 412/1000 done, 3 failed, 78.0 variants/s, 8 s left");
        assertThat(p.text(100, 2, 0.0)).isEqualTo("sweep demo: 100/1000 done, 2 failed, 0.0 variants/s");
        assertThat(p.text(500, 0, 400.0)).endsWith("1.0 variants/s, 8 min 20 s left");
        assertThat(p.text(1000, 0, 10.0)).doesNotContain("left");
        p.finished(true);
        p.finished(false);
        p.stop();
        assertThat(text.toString()).startsWith("\rsweep demo: ").contains("102/1000 done, 3 failed").endsWith(
                System.lineSeparator());
    }

    @Test
    void noneSaysNothing() {
        Progress p = Progress.none();
        p.start(10, 0, 0);
        p.finished(true);
        p.stop();
        assertThat(p.text(1, 0, 1.0)).contains("1/10 done");
    }
}
