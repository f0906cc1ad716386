package org.ionflux;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: a scenario (a file, a model built in code, or a change by path) with one or more problems, all
 * reported at once; the command line exits with code 2.
 *
 * <pre>{@code
 * try {
 *     Scenario s = Ionflux.load(Path.of("my-cell.yaml"));
 * } catch (ScenarioException e) {
 *     for (Problem p : e.problems()) {
 *         System.err.println(p.format());  // my-cell.yaml:14:9: membranes.plasma.area: expected an area, ...
 *     }
 * }
 * }</pre>
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Most problems listed in the message; a file of junk would otherwise print thousands of lines. */
    static final int MAX_PROBLEMS_SHOWN = 50;

    private final transient List<Problem> problems;

    /** @param problems every problem found, at least one */
    public ScenarioException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in file order of discovery */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        String lines = problems.stream().limit(MAX_PROBLEMS_SHOWN).map(Problem::format)
                .collect(Collectors.joining("\n"));
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            lines += "\n... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more problems";
        }
        return problems.size() == 1 ? lines : problems.size() + " problems:\n" + lines;
    }
}
