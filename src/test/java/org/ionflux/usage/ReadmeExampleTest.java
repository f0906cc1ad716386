package org.ionflux.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example, taken from the README itself, compiled with the JDK's compiler against the test class
 * path and run: if the README shows code that does not compile or does not run, this fails. Its output folder is
 * moved into a temporary folder.
 */
class ReadmeExampleTest {

    @TempDir
    Path tmp;

    static String readmeSnippet() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("## Java API.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has a Java block under '## Java API'").isTrue();
        return m.group(1);
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        Path out = tmp.resolve("demo");
        String snippet = readmeSnippet().replace("\"results/runs/demo\"", "\"" + out.toString().replace("\\", "/")
                + "\"");
        String source = """
                package readme;
                import java.nio.file.Path;
                import java.util.List;
                import org.ionflux.*;
                public final class Example {
                    public static void main(String[] args) throws Exception {
                %s
                    }
                }
                """.formatted(snippet);
        Path src = tmp.resolve("src/readme/Example.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("readme.Example").getMethod("main", String[].class).invoke(null,
                    (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        // the run completed, K fell from its initial 140 mM (ghk-relaxation) and explain printed its table
        assertThat(text).startsWith("completed: K 140.00 -> ");
        assertThat(text).contains("Membrane plasma");
        assertThat(List.of("trace.csv", "summary.json")).allSatisfy(f -> assertThat(out.resolve(f)).exists());
    }
}
