package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code ionflux report RESULT_DIR} and {@code run --report}: one self-contained page with the three plots as
 * inline SVG, the run, explain and final tables, the scenario echoed back, everything escaped and nothing
 * referenced; exit 2 on a folder that is not a run's.
 */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document doc, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                .getLength();
    }

    @Test
    void reportWritesOneSelfContainedPageWithEverySection() throws Exception {
        Path out = tmp.resolve("seed");
        BadInputTest.Result run = BadInputTest.cli("run", "scenarios/seed-chloride.yaml", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("report.html")).doesNotExist();
        BadInputTest.Result r = BadInputTest.cli("report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("report.html");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContain("url(http").doesNotContain("@import")
                .doesNotContain("@font-face");
        Document doc = xml(html);
        assertThat(count(doc, "//svg")).isEqualTo(3);
        assertThat(count(doc, "//svg//polyline")).isGreaterThan(6);
        assertThat(count(doc, "//table[@class='summary']//tr")).isGreaterThan(8);
        assertThat(count(doc, "//table[@class='invariants']//tr")).isEqualTo(2);
        assertThat(count(doc, "//table[@class='explain']")).isEqualTo(1);
        assertThat(count(doc, "//table[@class='explain']/tbody/tr")).isEqualTo(2);
        assertThat(count(doc, "//table[@class='final']/tbody/tr")).isEqualTo(12);
        assertThat(html).contains("seed-chloride").contains("Chloride leaves a cell clamped at -70 mV")
                .contains("status-completed").contains("(the same as the summary's)");
        // the scenario file echoed back, escaped
        String scenario = Files.readString(Path.of("scenarios/seed-chloride.yaml"));
        assertThat(doc.getElementsByTagName("pre").item(0).getTextContent()).isEqualTo(scenario);
        // ids are unique across the three SVGs (clip paths)
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (m.find()) {
            assertThat(ids.add(m.group(1))).as("id %s is unique", m.group(1)).isTrue();
        }
    }

    @Test
    void runWithReportWritesThePageWithTheRunAndTheFolderStaysReplaceable() throws Exception {
        Path out = tmp.resolve("pump");
        String[] args = {"run", "scenarios/ghk-relaxation.yaml", "--out", out.toString(), "--report"};
        BadInputTest.Result r = BadInputTest.cli(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("scenario.yaml")).hasSameBinaryContentAs(Path.of("scenarios/ghk-relaxation.yaml"));
        // the page names the folder the user chose, not the hidden work folder it was written in
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("Result folder <code>" + out.getFileName() + "</code>").doesNotContain(".partial");
        // an earlier result with its report and scenario copy is replaced, not refused
        BadInputTest.Result again = BadInputTest.cli(args);
        assertThat(again.code()).as(again.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "concentrations.png", "currents.png", "potential.png", "report.html", "scenario.yaml",
                    "summary.json", "trace.csv");
        }
    }

    @Test
    void aFailedRunGetsAReportThatSaysWhy() throws Exception {
        Path scenario = tmp.resolve("empties.yaml");
        Files.writeString(scenario, """
                name: empties
                ions: {Na: {charge: 1}, K: {charge: 1}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {Na: 1 mM, K: 140 mM}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 140 mM, K: 5 mM}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 1000 um^2
                    potential: {mode: clamp, value: -70 mV}
                    pumps: [{type: na-k-atpase, max_current: 1000 uA/cm^2, km_na: 0, km_k: 0}]
                simulation: {duration: 100 s, output_interval: 0.1 s}
                """);
        Path out = tmp.resolve("empties");
        BadInputTest.Result r = BadInputTest.cli("run", scenario.toString(), "--out", out.toString(), "--report");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        Path failed = tmp.resolve("empties.failed");
        String html = Files.readString(failed.resolve("report.html"));
        assertThat(html).contains("status-failed").contains("fell below -atol")
                .contains("Result folder <code>empties.failed</code>");
        assertThat(count(xml(html), "//svg")).isEqualTo(3);
    }

    @Test
    void textFromTheScenarioIsEscaped() throws Exception {
        Path scenario = tmp.resolve("tricky.yaml");
        Files.writeString(scenario, """
                # a comment with <b>markup</b> & an ampersand
                name: tricky
                description: "<script>alert('x')</script> & \\"quotes\\" </pre>"
                ions: {K: {charge: 1}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {K: 140 mM}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {K: 5 mM}}
                membranes:
                  plasma: {inside: cell, outside: bath, area: 1000 um^2, potential: {mode: clamp, value: -50 mV},
                           channels: [{ion: K, permeability: 1e-5 cm/s}]}
                simulation: {duration: 10 s, output_interval: 1 s}
                """);
        Path out = tmp.resolve("tricky");
        assertThat(BadInputTest.cli("run", scenario.toString(), "--out", out.toString(), "--report").code())
                .isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContain("<script").doesNotContain("<b>markup")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;/pre&gt;");
        Document doc = xml(html);
        assertThat(doc.getElementsByTagName("pre").item(0).getTextContent()).isEqualTo(Files.readString(scenario));
    }

    @Test
    void aFolderThatIsNotARunOutputIsBadInput() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BadInputTest.Result r = BadInputTest.cli("report", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a run output folder (no summary.json)");
        assertThat(empty.resolve("report.html")).doesNotExist();

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("summary.json"), "{\"name\": \"something else\"}");
        r = BadInputTest.cli("report", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not the summary of a run (no 'scenario')");

        Files.writeString(other.resolve("summary.json"), "not json");
        assertThat(BadInputTest.cli("report", other.toString()).code()).isEqualTo(2);

        r = BadInputTest.cli("report", tmp.resolve("nothere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such folder");

        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertThat(BadInputTest.cli("report", file.toString()).code()).isEqualTo(2);

        // a summary without its trace
        Path seed = tmp.resolve("seed");
        assertThat(BadInputTest.cli("run", "scenarios/seed-chloride.yaml", "--out", seed.toString()).code()).isZero();
        Files.delete(seed.resolve("trace.csv"));
        r = BadInputTest.cli("report", seed.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no trace.csv");
    }

    @Test
    void anEditedScenarioIsKeptAsTheJsonWhoseHashIsTheSummarys() throws Exception {
        org.ionflux.Scenario s = org.ionflux.Ionflux.load(Path.of("scenarios/ghk-relaxation.yaml"))
                .with("membranes.plasma.channels[0].permeability", "2e-5 cm/s");
        Path dir = s.run().write(tmp.resolve("edited"));
        Path copy = dir.resolve("scenario.json");
        assertThat(copy).isRegularFile();
        assertThat(dir.resolve("scenario.yaml")).doesNotExist();
        String sha = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("scenario_sha256")
                .asText();
        assertThat(org.ionflux.internal.output.ScenarioCopy.sha256(Files.readAllBytes(copy))).isEqualTo(sha);
        assertThat(Files.readString(copy)).contains("2e-5 cm/s");
        BadInputTest.Result r = BadInputTest.cli("report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("(the same as the summary's)").contains("Membrane plasma");
    }
}
