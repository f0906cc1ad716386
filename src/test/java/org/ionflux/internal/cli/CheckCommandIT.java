package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ionflux check} over every shipped scenario: the verdicts and every reported difference do not depend on
 * the number of threads; and the command as CI runs it, in its own process, passes on the committed references.
 */
class CheckCommandIT {

    @TempDir
    Path tmp;

    /** A copy of the shipped references with a few values moved, one column removed and one reference removed. */
    private Path damagedReferences() throws IOException {
        Path reference = tmp.resolve("reference");
        try (Stream<Path> dirs = Files.list(Path.of("results/reference"))) {
            for (Path dir : dirs.toList()) {
                Path copy = Files.createDirectories(reference.resolve(dir.getFileName()));
                Files.copy(dir.resolve("trace.csv"), copy.resolve("trace.csv"));
            }
        }
        Files.delete(reference.resolve("ghk-relaxation/trace.csv"));
        scale(reference.resolve("hh-squid-axon/trace.csv"), 1.001);   // every value 0.1 % off
        scale(reference.resolve("donnan/trace.csv"), 1.00002);        // 2e-5: a few columns just outside
        Path pump = reference.resolve("pump-leak-cell/trace.csv");
        List<String> lines = Files.readAllLines(pump);
        Files.write(pump, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        return reference;
    }

    /** Multiplies every value but the time by {@code factor}. */
    private static void scale(Path trace, double factor) throws IOException {
        List<String> lines = Files.readAllLines(trace);
        List<String> scaled = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int i = 1; i < cells.length; i++) {
                cells[i] = org.ionflux.internal.output.CsvTraceWriter.format(
                        org.ionflux.internal.output.CsvTraceWriter.parse(cells[i]) * factor);
            }
            scaled.add(String.join(",", cells));
        }
        Files.write(trace, scaled);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameReport() throws Exception {
        Path reference = damagedReferences();
        BadInputTest.Result one = BadInputTest.cli("check", "scenarios", "--reference", reference.toString(),
                "--out", tmp.resolve("out1").toString(), "--threads", "1", "--junit", tmp.resolve("one.xml")
                        .toString());
        BadInputTest.Result two = BadInputTest.cli("check", "scenarios", "--reference", reference.toString(),
                "--out", tmp.resolve("out2").toString(), "--threads", "2", "--junit", tmp.resolve("two.xml")
                        .toString());
        assertThat(one.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(two.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(two.out()).isEqualTo(one.out());
        List<String> lines = one.out().lines().toList();
        int n = Scenarios.allShipped().size();
        assertThat(lines).hasSize(n + 1);
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL donnan: ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL ghk-relaxation: no reference: ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL hh-squid-axon: ") && l.contains(" outside tolerance in "))
                .hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL pump-leak-cell: the columns changed: not in the "
                + "reference: ")).hasSize(1);
        assertThat(lines).contains("PASS neuron-glia", "PASS ohmic-relaxation", "PASS seed-chloride");
        assertThat(lines.get(n)).isEqualTo((n - 4) + " passed, 4 failed");
        assertThat(withoutTimes(tmp.resolve("two.xml"))).isEqualTo(withoutTimes(tmp.resolve("one.xml")));
        assertThat(Files.readAllBytes(tmp.resolve("out2/hh-squid-axon/trace.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("out1/hh-squid-axon/trace.csv")));
    }

    /** @return every test case's name, outcome and message, without the times (and the output folder's name) */
    private static List<String> withoutTimes(Path junit) throws Exception {
        Document xml = CheckCommandTest.parse(junit);
        List<String> cases = new ArrayList<>();
        NodeList nodes = xml.getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            cases.add(e.getAttribute("name") + ": " + e.getTextContent().replaceAll("out[12]", "out"));
        }
        return cases;
    }

    @Test
    @Timeout(300)
    void asCiRunsItThePackagedCommandPassesOnTheCommittedReferences() throws Exception {
        Path log = tmp.resolve("log.txt");
        Path junit = tmp.resolve("check-junit.xml");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.ionflux.internal.cli.Main", "check", "scenarios", "--out", tmp.resolve("out").toString(),
                "--junit", junit.toString());
        Process p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(280, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        int n = Scenarios.allShipped().size();
        assertThat(output.lines()).contains("PASS donnan", "PASS hh-squid-axon", "PASS seed-chloride",
                n + " passed, 0 failed");
        Element suite = CheckCommandTest.parse(junit).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(n));
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
    }
}
