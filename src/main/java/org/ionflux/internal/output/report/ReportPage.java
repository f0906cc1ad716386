package org.ionflux.internal.output.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.output.ExplainReport;

/**
 * The HTML of {@code report.html} (docs/commands.md "report"): one self-contained page, no script, no external
 * font, image or style, readable offline and printable. It holds the scenario's name and description, the status
 * and solver counts, the invariants, the initial {@code explain} tables, the final values and times to
 * equilibrium, the three plots as inline SVG, and the scenario file echoed back. Every text from a file is
 * escaped; the page is well-formed XML as well as HTML.
 */
public final class ReportPage {

    /** Significant digits of the numbers in tables. */
    static final int DIGITS = 6;
    /** Most rows of the final-values table (a model with thousands of compartments has that many columns). */
    static final int MAX_FINAL_ROWS = 1000;
    /** Most membrane tables of the initial state. */
    static final int MAX_MEMBRANES = 50;

    private ReportPage() {
    }

    /**
     * What the page shows.
     *
     * @param folderName      name of the result folder (not its path)
     * @param summary         the parsed {@code summary.json}
     * @param description     the scenario's description, or "" when unknown
     * @param explanation     the initial state, or null when the scenario could not be read again
     * @param explainNote     why there is no explanation; with one, a note on it (where its initial state came from);
     *                        or ""
     * @param plots           the three plots as inline SVG, with their titles
     * @param scenarioName    file name of the scenario copy, or null when the folder has none
     * @param scenarioText    its text, or ""
     * @param scenarioMatches true when the copy's SHA-256 is the summary's
     * @param version         the ionflux that wrote the page
     */
    public record Content(String folderName, JsonNode summary, String description,
                          ExplainReport.Explanation explanation, String explainNote, List<Plot> plots,
                          String scenarioName, String scenarioText, boolean scenarioMatches, String version) {
    }

    /**
     * One plot.
     *
     * @param file the PNG it corresponds to, e.g. {@code potential.png}
     * @param svg  the inline SVG element
     */
    public record Plot(String file, String svg) {
    }

    /** @return the page */
    public static String render(Content c) {
        Html h = new Html();
        JsonNode s = c.summary();
        String name = text(s, "scenario");
        String status = text(s, "status");
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .text("ionflux report: " + name).raw("</title>\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        h.raw("<header>\n<h1>").text(name).raw(" <span class=\"status status-").text(status).raw("\">").text(status)
                .raw("</span></h1>\n");
        if (!c.description().isEmpty()) {
            h.raw("<p class=\"description\">").text(c.description()).raw("</p>\n");
        }
        h.raw("<p class=\"meta\">Result folder <code>").text(c.folderName()).raw("</code>, run by ionflux ")
                .text(text(s, "ionflux_version")).raw(" on Java ").text(text(s, "java_version"))
                .raw("; this page was written by ionflux ").text(c.version()).raw(".</p>\n");
        h.raw("<nav><a href=\"#run\">Run</a> <a href=\"#initial\">Initial state</a> <a href=\"#final\">Final values"
                + "</a> <a href=\"#plots\">Plots</a> <a href=\"#scenario\">Scenario file</a></nav>\n</header>\n");

        runSection(h, s);
        initialSection(h, c);
        finalSection(h, s);
        h.raw("<section id=\"plots\">\n<h2>Plots</h2>\n");
        for (Plot p : c.plots()) {
            h.raw("<figure>\n").raw(p.svg()).raw("<figcaption>").text(p.file()).raw("</figcaption>\n</figure>\n");
        }
        h.raw("</section>\n");
        scenarioSection(h, c, s);
        h.raw("<footer><p>Written by <code>ionflux report</code> from the files of the result folder. "
                + "This page is self-contained: it loads nothing.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void runSection(Html h, JsonNode s) {
        h.raw("<section id=\"run\">\n<h2>Run</h2>\n<table class=\"summary\">\n<tbody>\n");
        row(h, "status", text(s, "status"));
        if (s.hasNonNull("error")) {
            row(h, "error", text(s, "error"));
        }
        if (s.has("failed_at_s")) {
            row(h, "stopped at", seconds(s.get("failed_at_s")));
        }
        JsonNode solver = s.path("solver");
        row(h, "solver", text(solver, "name"));
        row(h, "accepted steps", count(solver.get("steps")));
        row(h, "rejected steps", count(solver.get("rejected_steps")));
        row(h, "right-hand-side evaluations", count(solver.get("rhs_evaluations")));
        row(h, "Jacobian evaluations", count(solver.get("jacobian_evaluations")));
        row(h, "integration wall time", seconds(s.get("integration_wall_time_s")));
        JsonNode options = s.path("options");
        row(h, "duration", seconds(options.get("duration_s")));
        row(h, "output interval", seconds(options.get("output_interval_s")));
        if (options.has("step_s")) {
            row(h, "fixed step", seconds(options.get("step_s")));
        }
        row(h, "rtol", number(options.get("rtol")));
        row(h, "atol", number(options.get("atol")));
        row(h, "stop at steady state", s.path("stop_at_steady_state").asBoolean(false) ? "yes" : "no");
        if (s.hasNonNull("steady_state_reached_at_s")) {
            row(h, "steady state reached at", seconds(s.get("steady_state_reached_at_s")));
        }
        h.raw("</tbody>\n</table>\n<h3>Invariants</h3>\n<table class=\"invariants\">\n<tbody>\n");
        row(h, "largest relative drift of a species' total amount", number(s.get("max_relative_mass_error")));
        row(h, "largest relative drift of a compartment's charge invariant",
                s.hasNonNull("max_relative_charge_error") ? number(s.get("max_relative_charge_error"))
                        : "does not apply");
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void initialSection(Html h, Content c) {
        h.raw("<section id=\"initial\">\n<h2>Initial state (<code>ionflux explain</code>)</h2>\n");
        ExplainReport.Explanation e = c.explanation();
        if (e == null) {
            h.raw("<p class=\"problem\">").text(c.explainNote()).raw("</p>\n</section>\n");
            return;
        }
        h.raw("<p>").text(e.heading()).raw(". ").text(e.conventions()).raw("</p>\n");
        if (!c.explainNote().isEmpty()) {
            h.raw("<p>").text(c.explainNote()).raw("</p>\n");
        }
        List<ExplainReport.MembraneTable> tables = e.membranes();
        for (ExplainReport.MembraneTable t : tables.subList(0, Math.min(MAX_MEMBRANES, tables.size()))) {
            h.raw("<h3>").text(t.heading()).raw("</h3>\n<table class=\"explain\">\n<thead><tr>");
            for (String column : ExplainReport.COLUMNS) {
                h.raw("<th>").text(column).raw("</th>");
            }
            h.raw("</tr></thead>\n<tbody>\n");
            for (ExplainReport.Row r : t.rows()) {
                h.raw("<tr><th>").text(r.ion()).raw("</th>");
                for (String cell : List.of(r.charge(), r.inside(), r.outside(), r.nernst(), r.v(), r.drive())) {
                    h.raw("<td class=\"num\">").text(cell).raw("</td>");
                }
                h.raw("<td>").text(r.current()).raw("</td><td>").text(r.flux()).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
            for (String paragraph : t.paragraphs()) {
                h.raw("<p class=\"why\">").text(paragraph).raw("</p>\n");
            }
        }
        if (tables.size() > MAX_MEMBRANES) {
            h.raw("<p class=\"note\">The first ").text(String.valueOf(MAX_MEMBRANES)).raw(" of ")
                    .text(String.valueOf(tables.size())).raw(" membranes; <code>ionflux explain</code> prints them "
                    + "all.</p>\n");
        }
        h.raw("</section>\n");
    }

    private static void finalSection(Html h, JsonNode s) {
        h.raw("<section id=\"final\">\n<h2>Final values and times to equilibrium</h2>\n");
        JsonNode last = s.path("final");
        JsonNode equilibrium = s.path("time_to_equilibrium_s");
        if (last.isEmpty()) {
            h.raw("<p>The trace has no row.</p>\n</section>\n");
            return;
        }
        h.raw("<table class=\"final\">\n<thead><tr><th>column</th><th>unit</th><th>final value</th>"
                + "<th>time to equilibrium (s)</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = last.fields(); it.hasNext() && shown < MAX_FINAL_ROWS;
                shown++) {
            Map.Entry<String, JsonNode> e = it.next();
            String column = e.getKey();
            JsonNode teq = equilibrium.get(column);
            h.raw("<tr><th>").text(column).raw("</th><td>").text(unit(column)).raw("</td><td class=\"num\">")
                    .text(number(e.getValue())).raw("</td><td class=\"num\">")
                    .text(teq == null ? "" : number(teq)).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
        if (last.size() > MAX_FINAL_ROWS) {
            h.raw("<p class=\"note\">The first ").text(String.valueOf(MAX_FINAL_ROWS)).raw(" of ")
                    .text(String.valueOf(last.size())).raw(" columns; summary.json has them all.</p>\n");
        }
        h.raw("<p class=\"note\">Time to equilibrium: the first output time after which the "
                + "column stays within max(1e-6 |final|, 10 atol) of its final value; given for concentrations, "
                + "potentials and volumes of a completed run.</p>\n</section>\n");
    }

    private static void scenarioSection(Html h, Content c, JsonNode s) {
        h.raw("<section id=\"scenario\">\n<h2>Scenario file</h2>\n");
        if (c.scenarioName() == null) {
            h.raw("<p class=\"problem\">This result folder keeps no copy of its scenario (it was written before "
                    + "ionflux kept one); its SHA-256 is <code>").text(text(s, "scenario_sha256"))
                    .raw("</code>.</p>\n</section>\n");
            return;
        }
        h.raw("<p><code>").text(c.scenarioName()).raw("</code>, SHA-256 <code>").text(text(s, "scenario_sha256"))
                .raw("</code>").raw(c.scenarioMatches() ? " (the same as the summary's)."
                        : ": <strong>it differs from the summary's scenario_sha256: this copy is not what "
                        + "ran.</strong>").raw("</p>\n<pre class=\"scenario\">").text(c.scenarioText())
                .raw("</pre>\n</section>\n");
    }

    private static void row(Html h, String key, String value) {
        h.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>\n");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String count(JsonNode v) {
        return v == null || v.isNull() ? "not counted" : v.asText();
    }

    private static String seconds(JsonNode v) {
        return v == null || v.isNull() ? "-" : number(v) + " s";
    }

    /** @return a number to {@link #DIGITS} significant digits, trailing zeros dropped; "-" for null */
    static String number(JsonNode v) {
        if (v == null || v.isNull() || !v.isNumber()) {
            return v == null || v.isNull() ? "-" : v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        return number(v.asDouble());
    }

    /** @return {@code x} to {@link #DIGITS} significant digits, plain between 1e-4 and 1e9, else with an exponent */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(DIGITS)).stripTrailingZeros();
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e9) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }

    /** @return the unit of a trace column, from its name */
    static String unit(String column) {
        if (column.equals("t_s")) {
            return "s";
        }
        if (column.endsWith("_mV")) {
            return "mV";
        }
        if (column.endsWith("_mM")) {
            return "mM";
        }
        if (column.endsWith("_uA_cm2")) {
            return "\u00b5A/cm\u00b2";
        }
        if (column.endsWith("_fmol_s")) {
            return "fmol/s";
        }
        if (column.endsWith("_pL")) {
            return "pL";
        }
        return "1";
    }

    /** A string builder that escapes text for HTML and XML. */
    static final class Html {
        private final StringBuilder out = new StringBuilder(1 << 18);

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(String text) {
            out.append(escape(text));
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** @return {@code text} with {@code & < > " '} escaped and control characters other than tab and newlines dropped */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The page's style: system fonts only, tables and plots that fit the width, a print layout. */
    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #222; margin: 0 auto;
                   max-width: 1060px; padding: 0 16px 32px; line-height: 1.45; font-size: 15px; }
            h1 { font-size: 26px; margin: 24px 0 6px; }
            h2 { font-size: 20px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 32px; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            code, pre { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; }
            .description { font-size: 17px; margin: 4px 0; }
            .meta, .note { color: #555; font-size: 13px; }
            .status { font-size: 14px; padding: 2px 10px; border-radius: 10px; vertical-align: middle;
                      border: 1px solid #888; }
            .status-completed { background: #e3f1e8; border-color: #009E73; }
            .status-failed, .status-interrupted { background: #fbe6dc; border-color: #D55E00; }
            nav a { margin-right: 14px; }
            table { border-collapse: collapse; margin: 6px 0 12px; }
            th, td { border: 1px solid #d6d6d6; padding: 3px 8px; text-align: left; vertical-align: top; }
            thead th { background: #f2f2f2; }
            tbody th { font-weight: normal; background: #fafafa; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.final { font-size: 13px; }
            p.why { margin: 6px 0; }
            .problem { color: #8a3a00; }
            figure { margin: 16px 0; }
            figcaption { color: #555; font-size: 13px; }
            svg.plot { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
            pre.scenario { background: #f7f7f7; border: 1px solid #e2e2e2; padding: 10px; overflow-x: auto;
                           white-space: pre-wrap; }
            footer { color: #666; font-size: 12px; margin-top: 32px; }
            @media print {
              body { max-width: none; font-size: 11pt; }
              nav { display: none; }
              figure, table, pre { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              svg.plot { border: none; }
            }
            """;
}
