package org.ionflux.internal.workflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.scenario.CheckSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison rule of {@code check} on small hand-written traces: columns, output times, the value rule
 * {@code |run - ref| <= atol + rtol |ref|} at its boundary, infinite and undefined values, the worst value, and
 * malformed references named by file and line.
 */
class TraceComparisonTest {

    @TempDir
    Path tmp;

    private static final String HEADER = "t_s,plasma.V_mV,cell.K_mM,plasma.E_K_mV";

    private TraceComparison.Comparison compare(String run, String reference) throws Exception {
        return compare(run, reference, Tolerances.DEFAULT);
    }

    private TraceComparison.Comparison compare(String run, String reference, Tolerances tolerances)
            throws Exception {
        Path r = tmp.resolve("run.csv");
        Path f = tmp.resolve("ref.csv");
        Files.writeString(r, run);
        Files.writeString(f, reference);
        return TraceComparison.compare(r, f, "ref/trace.csv", tolerances, 0.5);
    }

    private static String trace(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void identicalTracesMatch() throws Exception {
        String t = trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,139.0,-inf");
        TraceComparison.Comparison c = compare(t, t);
        assertThat(c.kind()).isEqualTo(TraceComparison.Kind.MATCH);
        assertThat(c.identical()).isTrue();
        assertThat(c.message()).isEqualTo("identical");
        assertThat(c.rows()).isEqualTo(2);
    }

    @Test
    void theBoundaryIsAtolPlusRtolTimesTheReference() throws Exception {
        double ref = 140.0;
        double allowed = 1e-6 + 1e-5 * ref;
        String reference = trace("0.0,-70.0," + ref + ",-84.0");
        TraceComparison.Comparison inside = compare(trace("0.0,-70.0," + (ref + 0.99 * allowed) + ",-84.0"),
                reference);
        assertThat(inside.kind()).isEqualTo(TraceComparison.Kind.MATCH);
        assertThat(inside.identical()).isFalse();
        assertThat(inside.message()).startsWith("largest difference: cell.K_mM at t = 0.0 s");
        TraceComparison.Comparison outside = compare(trace("0.0,-70.0," + (ref + 1.01 * allowed) + ",-84.0"),
                reference);
        assertThat(outside.kind()).isEqualTo(TraceComparison.Kind.VALUES);
        assertThat(outside.worst().column()).isEqualTo("cell.K_mM");
        assertThat(outside.worst().ratio()).isBetween(1.0, 1.02);
        assertThat(outside.outside()).isEqualTo(1);
    }

    @Test
    void theWorstValueIsTheLargestRatioNotTheLargestDifference() throws Exception {
        // V off by 5e-3 mV (5x its atol of 1e-3, rtol negligible at 70 mV: 1.7x); K off by 1e-3 mM (~0.7x)
        TraceComparison.Comparison c = compare(
                trace("0.0,-70.0,140.0,-84.0", "0.5,-70.005,140.001,-84.0", "1.0,-70.0,140.0,-84.0"),
                trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0,-84.0", "1.0,-70.0,140.0,-84.0"));
        assertThat(c.kind()).isEqualTo(TraceComparison.Kind.VALUES);
        assertThat(c.worst().column()).isEqualTo("plasma.V_mV");
        assertThat(c.worst().timeS()).isEqualTo(0.5);
        assertThat(c.worst().row()).isEqualTo(1);
        assertThat(c.message()).startsWith("plasma.V_mV at t = 0.5 s: run -70.005, reference -70.0, difference "
                + "0.00500 > allowed 0.00170 (2.9x); 1 value outside tolerance in 1 column: plasma.V_mV");
        assertThat(c.worstByColumn()).extracting(TraceComparison.Value::column).containsExactly("plasma.V_mV");
    }

    @Test
    void infiniteAndUndefinedValuesMustBeEqual() throws Exception {
        String reference = trace("0.0,-70.0,140.0,-inf", "0.5,-70.0,140.0,nan");
        assertThat(compare(reference, reference).matches()).isTrue();
        TraceComparison.Comparison c = compare(trace("0.0,-70.0,140.0,-1e300", "0.5,-70.0,140.0,nan"), reference);
        assertThat(c.kind()).isEqualTo(TraceComparison.Kind.VALUES);
        assertThat(c.worst().ratio()).isInfinite();
        assertThat(c.message()).startsWith("plasma.E_K_mV at t = 0.0 s: run -1.0E300, reference -inf (an infinite "
                + "or undefined value must be equal)");
        assertThat(compare(trace("0.0,-70.0,140.0,-inf", "0.5,-70.0,140.0,1.0"), reference).kind())
                .isEqualTo(TraceComparison.Kind.VALUES);
        assertThat(compare(trace("0.0,-70.0,140.0,inf", "0.5,-70.0,140.0,nan"), reference).kind())
                .isEqualTo(TraceComparison.Kind.VALUES);
    }

    @Test
    void aZeroToleranceAllowsOnlyEqualValues() throws Exception {
        Tolerances exact = Tolerances.of(new CheckSection(1e-300, List.of(new CheckSection.PatternTolerance("*",
                0.0))));
        String reference = trace("0.0,0.0,140.0,-84.0");
        assertThat(compare(reference, reference, exact).matches()).isTrue();
        TraceComparison.Comparison c = compare(trace("0.0,1e-300,140.0,-84.0"), reference, exact);
        assertThat(c.kind()).isEqualTo(TraceComparison.Kind.VALUES);
        assertThat(c.worst().column()).isEqualTo("plasma.V_mV");
    }

    @Test
    void timesAgreeWithinOneBillionthOfTheOutputInterval() throws Exception {
        String reference = trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0,-84.0");
        assertThat(compare(trace("0.0,-70.0,140.0,-84.0", "0.5000000001,-70.0,140.0,-84.0"), reference).kind())
                .isEqualTo(TraceComparison.Kind.MATCH);
        TraceComparison.Comparison c = compare(trace("0.0,-70.0,140.0,-84.0", "0.50000001,-70.0,140.0,-84.0"),
                reference);
        assertThat(c.kind()).isEqualTo(TraceComparison.Kind.TIMES);
        assertThat(c.message()).isEqualTo("the output times differ: row 2 is at t = 0.50000001 s in the run and "
                + "t = 0.5 s in the reference");
    }

    @Test
    void aDifferentNumberOfRowsFails() throws Exception {
        String reference = trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0,-84.0", "1.0,-70.0,140.0,-84.0");
        TraceComparison.Comparison shorter = compare(trace("0.0,-70.0,140.0,-84.0"), reference);
        assertThat(shorter.kind()).isEqualTo(TraceComparison.Kind.TIMES);
        assertThat(shorter.message()).isEqualTo("the run has 1 row, the reference 3 rows");
        assertThat(compare(reference, trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0,-84.0")).message())
                .startsWith("the run has 3 rows, the reference 2 rows");
    }

    @Test
    void aChangedColumnSetNamesTheColumns() throws Exception {
        String reference = trace("0.0,-70.0,140.0,-84.0");
        TraceComparison.Comparison removed = compare("t_s,plasma.V_mV,plasma.E_K_mV\n0.0,-70.0,-84.0\n",
                reference);
        assertThat(removed.kind()).isEqualTo(TraceComparison.Kind.COLUMNS);
        assertThat(removed.message()).isEqualTo("the columns changed: missing from the run: cell.K_mM");
        TraceComparison.Comparison both = compare("t_s,plasma.V_mV,cell.Na_mM,plasma.E_K_mV\n0.0,-70.0,1,-84.0\n",
                reference);
        assertThat(both.message()).isEqualTo("the columns changed: missing from the run: cell.K_mM; not in the "
                + "reference: cell.Na_mM");
        TraceComparison.Comparison order = compare("t_s,cell.K_mM,plasma.V_mV,plasma.E_K_mV\n0.0,140.0,-70.0,-84.0\n",
                reference);
        assertThat(order.message()).isEqualTo("the columns are in another order: column 2 is cell.K_mM in the run "
                + "and plasma.V_mV in the reference");
    }

    @Test
    void aMalformedReferenceNamesItsFileAndLine() throws Exception {
        String run = trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0,-84.0");
        TraceComparison.Comparison shortRow = compare(run, trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,140.0"));
        assertThat(shortRow.kind()).isEqualTo(TraceComparison.Kind.MALFORMED_REFERENCE);
        assertThat(shortRow.message()).isEqualTo("ref/trace.csv:3: expected 4 values (one per column of the "
                + "header), found 3");
        TraceComparison.Comparison word = compare(run, trace("0.0,-70.0,140.0,-84.0", "0.5,-70.0,lots,-84.0"));
        assertThat(word.message()).isEqualTo("ref/trace.csv:3: the value of cell.K_mM is 'lots', not a number");
        assertThat(compare(run, "").message()).isEqualTo("ref/trace.csv:1: the file is empty: expected a header "
                + "line of column names");
        assertThat(compare(run, "t_s,,x\n").message()).isEqualTo("ref/trace.csv:1: column 2 of the header has "
                + "no name");
        // a malformed row after the run ended is still found
        assertThat(compare(trace("0.0,-70.0,140.0,-84.0"), trace("0.0,-70.0,140.0,-84.0", "0.5,x")).kind())
                .isEqualTo(TraceComparison.Kind.MALFORMED_REFERENCE);
    }
}
