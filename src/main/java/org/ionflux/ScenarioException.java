package org.ionflux;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: a scenario file with one or more problems, all reported at once. Exit code 2. */
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
