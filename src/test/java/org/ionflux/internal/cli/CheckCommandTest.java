package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.workflow.check.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ionflux check} on temporary copies of two fast shipped scenarios and their committed references: the
 * report lines and exit codes of WORKFLOWS.md section 2, {@code check.png}, the JUnit XML (parsed with a DOM
 * parser), {@code --update}, and the bad-input cases in which nothing runs.
 */
class CheckCommandTest {

    /** Fast shipped scenarios (a few ms of integration each). */
    static final List<String> FAST = List.of("ohmic-relaxation", "seed-chloride");

    @TempDir
    Path tmp;

    private Path scenarios;
    private Path reference;
    private Path out;

    /** Copies the fast scenarios and their references into the temporary folder. */
    private void copyFast() throws IOException {
        scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        reference = tmp.resolve("reference");
        out = tmp.resolve("out");
        for (String name : FAST) {
            Files.copy(Path.of("scenarios", name + ".yaml"), scenarios.resolve(name + ".yaml"));
            Files.createDirectories(reference.resolve(name));
            Files.copy(Path.of("results/reference", name, "trace.csv"), reference.resolve(name).resolve("trace.csv"));
        }
    }

    private BadInputTest.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", scenarios.toString(), "--reference",
                reference.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return BadInputTest.cli(args.toArray(String[]::new));
    }

    private static List<String> lines(BadInputTest.Result r) {
        return r.out().lines().toList();
    }

    /** Rewrites one cell of a reference trace; @return the value it had. */
    private static double setCell(Path trace, String column, double timeS, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int c = List.of(lines.get(0).split(",")).indexOf(column);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (Double.parseDouble(cells[0]) == timeS) {
                double old = CsvTraceWriter.parse(cells[c]);
                cells[c] = value;
                lines.set(i, String.join(",", cells));
                Files.write(trace, lines);
                return old;
            }
        }
        throw new AssertionError("no row at " + timeS);
    }

    @Test
    void theCommittedReferencesPass() throws Exception {
        copyFast();
        BadInputTest.Result r = check("--junit", tmp.resolve("junit.xml").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(lines(r)).containsExactly("PASS ohmic-relaxation", "PASS seed-chloride", "2 passed, 0 failed");
        // the outputs are those of run
        assertThat(out.resolve("seed-chloride/trace.csv")).isRegularFile();
        assertThat(out.resolve("seed-chloride/summary.json")).isRegularFile();
        assertThat(out.resolve("seed-chloride/potential.png")).isRegularFile();
        assertThat(out.resolve("seed-chloride/check.png")).doesNotExist();
        Document xml = parse(tmp.resolve("junit.xml"));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
    }

    @Test
    void theRunOutputsAreExactlyThoseOfRun() throws Exception {
        copyFast();
        assertThat(check().code()).isZero();
        Path single = tmp.resolve("single");
        assertThat(BadInputTest.cli("run", scenarios.resolve("seed-chloride.yaml").toString(), "--out",
                single.toString()).code()).isZero();
        assertThat(Files.readAllBytes(out.resolve("seed-chloride/trace.csv")))
                .isEqualTo(Files.readAllBytes(single.resolve("trace.csv")));
    }

    @Test
    void aValueMovedByTenTimesItsToleranceFailsNamingColumnTimeValuesAndAllowance() throws Exception {
        copyFast();
        Path trace = reference.resolve("seed-chloride/trace.csv");
        String column = "cell.Cl_mM";
        double original = setCell(trace, column, 60.0, "0");
        double moved = original + 10 * (Tolerances.DEFAULT.atol(column) + Tolerances.DEFAULT_RTOL
                * Math.abs(original));
        setCell(trace, column, 60.0, CsvTraceWriter.format(moved));

        BadInputTest.Result r = check("--junit", tmp.resolve("junit.xml").toString());
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).hasSize(3);
        assertThat(lines(r).get(0)).isEqualTo("PASS ohmic-relaxation");
        assertThat(lines(r).get(1)).startsWith("FAIL seed-chloride: cell.Cl_mM at t = 60.0 s: run ")
                .contains(", reference " + CsvTraceWriter.format(moved) + ", difference ")
                .contains(" > allowed ").contains("(10x)")
                .endsWith("; 1 value outside tolerance in 1 column: cell.Cl_mM");
        assertThat(lines(r).get(2)).isEqualTo("1 passed, 1 failed");

        Path plot = out.resolve("seed-chloride/check.png");
        assertThat(plot).isRegularFile();
        assertThat(ImageIO.read(plot.toFile()).getHeight()).isGreaterThan(500);

        Element failure = testcase(parse(tmp.resolve("junit.xml")), "seed-chloride", "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("values");
        assertThat(failure.getAttribute("message")).isEqualTo(lines(r).get(1).substring("FAIL seed-chloride: "
                .length()));
    }

    @Test
    void aRemovedReferenceIsAnError() throws Exception {
        copyFast();
        Files.delete(reference.resolve("ohmic-relaxation/trace.csv"));
        BadInputTest.Result r = check("--junit", tmp.resolve("junit.xml").toString());
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).containsExactly("FAIL ohmic-relaxation: no reference: "
                + reference.resolve("ohmic-relaxation").resolve("trace.csv") + " does not exist (write it with "
                + "'ionflux check --update')", "PASS seed-chloride", "1 passed, 1 failed");
        Document xml = parse(tmp.resolve("junit.xml"));
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(testcase(xml, "ohmic-relaxation", "error").getAttribute("type")).isEqualTo("no-reference");
    }

    @Test
    void aRemovedColumnFailsNamingIt() throws Exception {
        copyFast();
        Path trace = reference.resolve("seed-chloride/trace.csv");
        List<String> lines = Files.readAllLines(trace);
        int c = List.of(lines.get(0).split(",")).indexOf("plasma.E_K_mV");
        List<String> cut = lines.stream().map(l -> {
            List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(c);
            return String.join(",", cells);
        }).toList();
        Files.write(trace, cut);
        BadInputTest.Result r = check();
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).contains("FAIL seed-chloride: the columns changed: not in the reference: "
                + "plasma.E_K_mV");
    }

    @Test
    void aMalformedReferenceNamesTheFileAndLine() throws Exception {
        copyFast();
        Path trace = reference.resolve("seed-chloride/trace.csv");
        setCell(trace, "cell.K_mM", 30.0, "1.2.3");
        BadInputTest.Result r = check();
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).contains("FAIL seed-chloride: malformed reference " + trace
                + ":32: the value of cell.K_mM is '1.2.3', not a number");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',')));
        Files.write(trace, lines);
        assertThat(lines(check())).contains("FAIL seed-chloride: malformed reference " + trace
                + ":6: expected 12 values (one per column of the header), found 11");
    }

    @Test
    void theJunitReportCountsTestsFailuresAndErrors() throws Exception {
        copyFast();
        Files.copy(Path.of("scenarios/ghk-relaxation.yaml"), scenarios.resolve("ghk-relaxation.yaml"));
        Files.writeString(scenarios.resolve("broken.yaml"), "name: broken\nions: {K: {charge: 1}}\nfoo: <&\"'>\n");
        setCell(reference.resolve("seed-chloride/trace.csv"), "plasma.V_mV", 10.0, "-69");
        Path junit = tmp.resolve("reports/ci/check.xml");
        BadInputTest.Result r = check("--junit", junit.toString());
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).last().isEqualTo("1 passed, 3 failed");
        assertThat(lines(r).get(0)).startsWith("FAIL broken: bad scenario: 4 problems: " + scenarios
                .resolve("broken.yaml") + ":3:1: foo: unknown key 'foo'");

        Document xml = parse(junit);
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("ionflux check");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("2");
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isPositive();
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            assertThat(e.getAttribute("classname")).isEqualTo("ionflux.check");
            assertThat(Double.parseDouble(e.getAttribute("time"))).isNotNegative();
            names.add(e.getAttribute("name"));
        }
        assertThat(names).containsExactly("broken", "ghk-relaxation", "ohmic-relaxation", "seed-chloride");
        assertThat(testcase(xml, "broken", "error").getAttribute("type")).isEqualTo("bad-scenario");
        assertThat(testcase(xml, "broken", "error").getTextContent()).contains("foo: unknown key 'foo'")
                .contains("required field 'simulation' is missing");
        assertThat(testcase(xml, "ghk-relaxation", "error").getAttribute("message")).startsWith("no reference");
        assertThat(testcase(xml, "seed-chloride", "failure").getAttribute("message"))
                .startsWith("plasma.V_mV at t = 10.0 s: run -70.0, reference -69.0");
        assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()
                + ((Element) cases.item(2)).getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void updateThenCheckPasses() throws Exception {
        copyFast();
        Path fresh = tmp.resolve("fresh-reference");
        BadInputTest.Result update = BadInputTest.cli("check", scenarios.toString(), "--reference", fresh.toString(),
                "--out", out.toString(), "--update");
        assertThat(update.code()).as(update.err()).isZero();
        assertThat(lines(update)).containsExactly("new ohmic-relaxation", "new seed-chloride",
                "2 new, 0 unchanged, 0 changed, 0 failed");
        for (String name : FAST) {
            try (Stream<Path> files = Files.list(fresh.resolve(name))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                        "concentrations.png", "currents.png", "potential.png", "scenario.yaml", "summary.json",
                        "trace.csv");
            }
        }
        BadInputTest.Result again = BadInputTest.cli("check", scenarios.toString(), "--reference", fresh.toString(),
                "--out", out.toString(), "--update");
        assertThat(lines(again)).containsExactly("unchanged ohmic-relaxation (identical)",
                "unchanged seed-chloride (identical)", "0 new, 2 unchanged, 0 changed, 0 failed");
        BadInputTest.Result check = BadInputTest.cli("check", scenarios.toString(), "--reference", fresh.toString(),
                "--out", out.toString());
        assertThat(check.code()).isZero();
        assertThat(lines(check)).containsExactly("PASS ohmic-relaxation", "PASS seed-chloride", "2 passed, 0 failed");
    }

    @Test
    void updateReportsAChangeWithTheWorstDifference() throws Exception {
        copyFast();
        setCell(reference.resolve("seed-chloride/trace.csv"), "cell.K_mM", 100.0, "130");
        BadInputTest.Result r = check("--update");
        assertThat(r.code()).isZero();
        assertThat(lines(r)).containsExactly("unchanged ohmic-relaxation (identical)",
                lines(r).get(1), "0 new, 1 unchanged, 1 changed, 0 failed");
        assertThat(lines(r).get(1)).startsWith("changed seed-chloride: cell.K_mM at t = 100.0 s: run ")
                .contains("reference 130.0");
        assertThat(check().code()).isZero();
    }

    @Test
    void updateNeverWritesAReferenceFromAFailedRun() throws Exception {
        copyFast();
        Files.copy(Path.of("src/test/resources/failing/pump-empties.yaml"), scenarios.resolve("pump-empties.yaml"));
        BadInputTest.Result r = check("--update");
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).filteredOn(l -> l.startsWith("FAIL pump-empties: the run failed at t = 3.3"))
                .singleElement().asString().endsWith("; the reference was not written");
        assertThat(reference.resolve("pump-empties")).doesNotExist();

        // an earlier reference stays as it was
        Path earlier = Files.createDirectories(reference.resolve("pump-empties")).resolve("trace.csv");
        Files.writeString(earlier, "t_s\n0.0\n");
        assertThat(check("--update").code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(Files.readString(earlier)).isEqualTo("t_s\n0.0\n");
        try (Stream<Path> files = Files.list(reference.resolve("pump-empties"))) {
            assertThat(files.toList()).containsExactly(earlier);
        }
    }

    @Test
    void theFirstMatchingPatternOfTheCheckSectionWinsOverTheUnitDefault() throws Exception {
        copyFast();
        Path trace = reference.resolve("seed-chloride/trace.csv");
        double original = setCell(trace, "cell.Cl_mM", 60.0, "0");
        setCell(trace, "cell.Cl_mM", 60.0, CsvTraceWriter.format(original + 0.005));
        Path scenario = scenarios.resolve("seed-chloride.yaml");
        String text = Files.readString(scenario);

        Files.writeString(scenario, text + "check:\n  atol: {\"cell.Cl_mM\": 0.01, \"cell.*\": 0}\n");
        assertThat(lines(check())).contains("PASS seed-chloride");

        Files.writeString(scenario, text + "check:\n  atol: {\"cell.*\": 1e-4, \"cell.Cl_mM\": 0.01}\n");
        assertThat(lines(check())).filteredOn(l -> l.startsWith("FAIL seed-chloride: cell.Cl_mM at t = 60.0 s"))
                .hasSize(1);

        Files.writeString(scenario, text + "check:\n  rtol: 1e-3\n");
        assertThat(lines(check())).contains("PASS seed-chloride");
    }

    @Test
    void aBadCheckSectionIsABadScenario() throws Exception {
        copyFast();
        Path scenario = scenarios.resolve("seed-chloride.yaml");
        Files.writeString(scenario, Files.readString(scenario) + "check: {rtol: -1}\n");
        BadInputTest.Result r = check();
        assertThat(r.code()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(lines(r)).filteredOn(l -> l.startsWith("FAIL seed-chloride: bad scenario: " + scenario + ":"))
                .singleElement().asString().endsWith("check.rtol: rtol must be greater than 0, found -1");
        assertThat(out.resolve("seed-chloride")).doesNotExist();
        assertThat(out.resolve("ohmic-relaxation")).isDirectory();
    }

    // -- bad input: exit 2, nothing run, nothing written

    private void assertBadInput(BadInputTest.Result r, String message) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderThatDoesNotExist() throws Exception {
        copyFast();
        assertBadInput(check(tmp.resolve("nowhere").toString()), "nowhere: no such file or folder");
    }

    @Test
    void noScenarioFound() throws Exception {
        copyFast();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a scenario");
        BadInputTest.Result r = BadInputTest.cli("check", empty.toString(), "--reference", reference.toString(),
                "--out", out.toString());
        assertBadInput(r, "check: no scenario found in " + empty + " (scenario files end in .yaml, .yml or .json)");
    }

    @Test
    void twoScenariosWithOneName() throws Exception {
        copyFast();
        Files.copy(Path.of("scenarios/seed-chloride.yaml"), scenarios.resolve("another.yml"));
        assertBadInput(check(), "two scenarios are named 'seed-chloride': " + scenarios.resolve("another.yml")
                + " and " + scenarios.resolve("seed-chloride.yaml"));
    }

    @Test
    void aFileNamedTwiceIsCheckedOnce() throws Exception {
        copyFast();
        BadInputTest.Result r = check(scenarios.resolve("seed-chloride.yaml").toString());
        assertThat(lines(r)).containsExactly("PASS ohmic-relaxation", "PASS seed-chloride", "2 passed, 0 failed");
    }

    @Test
    void aJunitDestinationThatCannotBeWritten() throws Exception {
        copyFast();
        assertBadInput(check("--junit", tmp.toString()), "--junit " + tmp + ": is a folder");
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertBadInput(check("--junit", file.resolve("report.xml").toString()), "cannot be written: " + file
                + " is not a folder");
    }

    @Test
    void wrongArguments() throws Exception {
        copyFast();
        assertBadInput(check("--threads", "0"), "--threads must be at least 1, found 0");
        assertBadInput(check("--threads", "many"), "--threads");
        assertBadInput(check("--colour"), "Unknown option: '--colour'");
        assertBadInput(BadInputTest.cli("check", scenarios.toString(), "--reference", tmp.resolve("none").toString(),
                "--out", out.toString()), "--reference " + tmp.resolve("none") + ": no such folder (write the "
                + "references first with 'ionflux check --update')");
        assertBadInput(BadInputTest.cli("check", scenarios.toString(), "--reference", reference.toString(), "--out",
                reference.toString()), "--out and --reference are the same folder");
    }

    @Test
    void anOutputFolderHoldingOtherFilesIsRefusedBeforeAnythingRuns() throws Exception {
        copyFast();
        Path mine = Files.createDirectories(tmp.resolve("mine/seed-chloride"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        BadInputTest.Result r = BadInputTest.cli("check", scenarios.toString(), "--reference", reference.toString(),
                "--out", tmp.resolve("mine").toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("holds files that are not the result of a run");
        assertThat(tmp.resolve("mine/ohmic-relaxation")).doesNotExist();
        assertThat(mine.resolve("notes.txt")).hasContent("my notes");
    }

    // -- helpers

    static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    /** @return the only {@code element} of the test case {@code name} */
    static Element testcase(Document xml, String name, String element) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                NodeList found = e.getElementsByTagName(element);
                assertThat(found.getLength()).as("<%s> in test case %s", element, name).isEqualTo(1);
                return (Element) found.item(0);
            }
        }
        throw new AssertionError("no test case " + name);
    }
}
