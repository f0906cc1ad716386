package org.ionflux.internal.workflow.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.scenario.CheckSection;

/**
 * The tolerances a trace is compared at (WORKFLOWS.md section 2): a value passes when
 * {@code |run - ref| <= atol + rtol |ref|}. {@code rtol} is the scenario's {@code check.rtol} or
 * {@value #DEFAULT_RTOL}; a column's {@code atol} is that of the first {@code check.atol} pattern matching its name,
 * else the default for its unit (the suffix of its name), in that unit.
 */
public final class Tolerances {

    /** Default relative tolerance. */
    public static final double DEFAULT_RTOL = 1e-5;
    /** Default absolute tolerance of a potential ({@code _mV}), mV. */
    public static final double ATOL_MV = 1e-3;
    /** Default absolute tolerance of a concentration ({@code _mM}), mM. */
    public static final double ATOL_MM = 1e-6;
    /** Default absolute tolerance of a volume ({@code _pL}), pL. */
    public static final double ATOL_PL = 1e-9;
    /** Default absolute tolerance of a current density ({@code _uA_cm2}), uA/cm^2. */
    public static final double ATOL_UA_CM2 = 1e-6;
    /** Default absolute tolerance of a molar flux ({@code _fmol_s}), fmol/s. */
    public static final double ATOL_FMOL_S = 1e-6;
    /** Default absolute tolerance of a gate or any column without a unit suffix (dimensionless). */
    public static final double ATOL_GATE = 1e-6;

    /** The defaults: rtol 1e-5 and the atol of each unit. */
    public static final Tolerances DEFAULT = new Tolerances(CheckSection.NONE);

    private final double rtol;
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<CheckSection.PatternTolerance> overrides;

    private Tolerances(CheckSection section) {
        this.rtol = section.hasRtol() ? section.rtol() : DEFAULT_RTOL;
        this.overrides = section.atol();
        for (CheckSection.PatternTolerance p : overrides) {
            patterns.add(TraceColumns.globToRegex(p.pattern()));
        }
    }

    /** @return the tolerances of a scenario with this {@code check:} section */
    public static Tolerances of(CheckSection section) {
        return section.equals(CheckSection.NONE) ? DEFAULT : new Tolerances(section);
    }

    /** @return the relative tolerance */
    public double rtol() {
        return rtol;
    }

    /** @return the absolute tolerance of the column {@code name}, in its unit */
    public double atol(String name) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(name).matches()) {
                return overrides.get(i).atol();
            }
        }
        return defaultAtol(name);
    }

    /** @return the default absolute tolerance of a column, by the unit its name ends in */
    public static double defaultAtol(String name) {
        if (name.endsWith("_mV")) {
            return ATOL_MV;
        } else if (name.endsWith("_mM")) {
            return ATOL_MM;
        } else if (name.endsWith("_pL")) {
            return ATOL_PL;
        } else if (name.endsWith("_uA_cm2")) {
            return ATOL_UA_CM2;
        } else if (name.endsWith("_fmol_s")) {
            return ATOL_FMOL_S;
        }
        return ATOL_GATE;
    }
}
