package org.ionflux.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: a scenario file with one or more problems, all reported at once. Exit code 2. */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

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
        String lines = problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
        return problems.size() == 1 ? lines : problems.size() + " problems:\n" + lines;
    }
}
