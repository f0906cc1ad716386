package org.ionflux.internal.workflow.sweep;

import java.util.List;
import java.util.Random;
import org.ionflux.ScenarioException;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.LocatedTree;
import org.ionflux.internal.scenario.ParameterPath;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * The variants of a sweep, numbered from 0, and the scenario of each.
 *
 * <ul>
 *   <li>grid: every combination of the parameters' values; the last parameter varies fastest (variant
 *       {@code i} takes value {@code i mod n_last} of the last parameter, and so on up);</li>
 *   <li>zip: variant {@code k} takes the k-th value of every parameter;</li>
 *   <li>Latin hypercube with {@code n} samples: each parameter's range is cut into {@code n} strata of equal width
 *       (of equal width in the logarithm for a log range), and every stratum of every parameter holds exactly one
 *       sample. The draws come from {@link java.util.Random} (its algorithm is fixed by the Java specification)
 *       seeded with {@code seed}: for each parameter in file order, a Fisher-Yates shuffle of the strata
 *       ({@code nextInt(j + 1)} for j = n - 1 down to 1), then one {@code nextDouble()} per variant for the place
 *       within its stratum, so variant {@code i} gets {@code (perm[i] + u_i) / n} of the way through the range.</li>
 * </ul>
 *
 * <p>A variant's scenario is the base scenario's tree with every swept parameter set through the parameter-path
 * grammar (as {@code Scenario.with} sets one), then validated once as a whole: two parameters that must agree
 * (a pulse's start and the run's duration) are judged together.
 */
public final class Variants {

    private final SweepDefinition definition;
    private final int count;
    /** Latin hypercube: [parameter][variant] values, default unit; null otherwise. */
    private final double[][] samples;

    /** @param definition a sweep read without problems in its base scenario, parameters and combine */
    public Variants(SweepDefinition definition) {
        this.definition = definition;
        List<SweepDefinition.Parameter> parameters = definition.parameters();
        SweepDefinition.Combine combine = definition.combine();
        switch (combine.kind()) {
            case LATIN_HYPERCUBE:
                this.count = combine.samples();
                this.samples = latinHypercube(parameters, count, combine.seed());
                break;
            case ZIP:
                this.count = parameters.get(0).values().length;
                this.samples = null;
                break;
            default:
                long n = 1;
                for (SweepDefinition.Parameter p : parameters) {
                    n *= p.values().length;
                }
                this.count = Math.toIntExact(n);
                this.samples = null;
        }
    }

    private static double[][] latinHypercube(List<SweepDefinition.Parameter> parameters, int n, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[parameters.size()][n];
        int[] perm = new int[n];
        for (int p = 0; p < parameters.size(); p++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int j = n - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                int t = perm[j];
                perm[j] = perm[k];
                perm[k] = t;
            }
            SweepDefinition.Parameter parameter = parameters.get(p);
            for (int i = 0; i < n; i++) {
                values[p][i] = parameter.at((perm[i] + random.nextDouble()) / n);
            }
        }
        return values;
    }

    /** @return the sweep */
    public SweepDefinition definition() {
        return definition;
    }

    /** @return the number of variants */
    public int count() {
        return count;
    }

    /** @return the number of swept parameters */
    public int parameterCount() {
        return definition.parameters().size();
    }

    /**
     * @param variant   0 to count - 1
     * @param parameter index in the sweep file's list
     * @return the parameter's value in this variant, in its default unit
     */
    public double value(int variant, int parameter) {
        if (samples != null) {
            return samples[parameter][variant];
        }
        return definition.parameters().get(parameter).values()[listIndex(variant, parameter)];
    }

    /** @return every parameter's value in this variant, default units */
    public double[] values(int variant) {
        double[] v = new double[parameterCount()];
        for (int p = 0; p < v.length; p++) {
            v[p] = value(variant, p);
        }
        return v;
    }

    /** @return grid and zip: the index of the variant's value in the parameter's list */
    private int listIndex(int variant, int parameter) {
        checkVariant(variant);
        List<SweepDefinition.Parameter> parameters = definition.parameters();
        if (definition.combine().kind() == SweepDefinition.CombineKind.ZIP) {
            return variant;
        }
        int rest = variant;
        for (int p = parameters.size() - 1; p > parameter; p--) {
            rest /= parameters.get(p).values().length;
        }
        return rest % parameters.get(parameter).values().length;
    }

    private void checkVariant(int variant) {
        if (variant < 0 || variant >= count) {
            throw new IndexOutOfBoundsException("variant " + variant + " of a sweep with " + count + " variants");
        }
    }

    /**
     * The variant's scenario: every swept parameter set, then validated as a whole. A value written as
     * {@code "<number> <unit>"} reaches the scenario as written; every other value as a number in the default unit.
     *
     * @param withSha256 give it the SHA-256 of its tree (what identifies a scenario edited in memory, as
     *                   {@code Scenario.with} does); false leaves it null, to save the time for a run that needs none
     * @throws ScenarioException when the scenario rejects the values (a negative volume): the variant fails, the
     *                           sweep goes on
     */
    public LoadedScenario scenario(int variant, boolean withSha256) throws ScenarioException {
        checkVariant(variant);
        LoadedScenario base = definition.base();
        LocatedTree tree = base.tree();
        List<SweepDefinition.Parameter> parameters = definition.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            SweepDefinition.Parameter parameter = parameters.get(p);
            String text = samples == null ? parameter.texts()[listIndex(variant, p)] : null;
            tree = text != null ? ParameterPath.with(tree, parameter.path(), text)
                    : ParameterPath.with(tree, parameter.path(), value(variant, p));
        }
        return ScenarioReader.fromTree(tree, base.file(), withSha256 ? tree.sha256() : null);
    }
}
