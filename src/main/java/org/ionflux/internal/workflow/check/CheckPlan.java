package org.ionflux.internal.workflow.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ionflux.ScenarioException;
import org.ionflux.internal.output.OutputFolder;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.RunWriter;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.ScenarioReader;

/**
 * The scenarios {@code ionflux check} will run, read and checked before anything runs (WORKFLOWS.md section 2):
 * the paths exist, at least one scenario is found, names are unique, the {@code --junit} file can be written,
 * every output and reference folder may receive a result. Any of these is bad input (exit 2) and nothing runs. A
 * scenario file with problems is not bad input for the check: it is a failed check of its own.
 */
public final class CheckPlan {

    /** Extensions of scenario files taken from a folder. */
    static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    /**
     * The command line of {@code check}.
     *
     * @param paths     scenario files or folders (every {@code *.yaml}, {@code *.yml}, {@code *.json} directly
     *                  inside, in name order); empty means {@code scenarios/}
     * @param reference the folder of references, {@code <reference>/<name>/trace.csv}
     * @param out       where each run's outputs go, {@code <out>/<name>/}
     * @param junit     the JUnit XML file to write, or null
     * @param threads   how many scenarios run at once, >= 1
     * @param update    write the references instead of comparing with them
     */
    public record Options(List<Path> paths, Path reference, Path out, Path junit, int threads, boolean update) {

        /** Default {@code --reference}. */
        public static final Path DEFAULT_REFERENCE = Path.of("results", "reference");
        /** Default {@code --out}. */
        public static final Path DEFAULT_OUT = Path.of("results", "check");
        /** Default scenario folder. */
        public static final Path DEFAULT_SCENARIOS = Path.of("scenarios");

        /** Copies the list; null options take their defaults. */
        public Options {
            paths = paths == null || paths.isEmpty() ? List.of(DEFAULT_SCENARIOS) : List.copyOf(paths);
            reference = reference == null ? DEFAULT_REFERENCE : reference;
            out = out == null ? DEFAULT_OUT : out;
        }

        /** @return the number of processors the JVM may use: the default {@code --threads} */
        public static int defaultThreads() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * One scenario to check.
     *
     * @param name    its {@code name}; for a file with problems, the file name without its extension
     * @param file    the file, as found
     * @param loaded  the scenario read and validated, or null when it has problems
     * @param problem the reader's message (every problem with file, line, column), or null
     */
    public record Entry(String name, Path file, LoadedScenario loaded, String problem) {

        /** @return true if the file was read without problems */
        public boolean readable() {
            return loaded != null;
        }
    }

    private final Options options;
    private final List<Entry> entries;

    private CheckPlan(Options options, List<Entry> entries) {
        this.options = options;
        this.entries = List.copyOf(entries);
    }

    /** @return the options */
    public Options options() {
        return options;
    }

    /** @return the scenarios, in the order of the paths and, within a folder, of their file names */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Finds and reads the scenarios and checks every argument.
     *
     * @throws CheckInputException with every problem found (nothing has been run or written)
     */
    public static CheckPlan prepare(Options options) throws CheckInputException {
        List<String> problems = new ArrayList<>();
        if (options.threads() < 1) {
            problems.add("--threads must be at least 1, found " + options.threads());
        }
        List<Path> files = find(options.paths(), problems);
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add("no scenario found in " + String.join(", ", options.paths().stream().map(Path::toString)
                    .toList()) + " (scenario files end in .yaml, .yml or .json)");
        }
        checkFolder(options.reference(), "--reference", !options.update(), problems);
        checkFolder(options.out(), "--out", false, problems);
        if (options.out().toAbsolutePath().normalize().equals(options.reference().toAbsolutePath().normalize())) {
            problems.add("--out and --reference are the same folder (" + options.out() + "): the runs would "
                    + "overwrite the references they are compared with");
        }
        if (options.junit() != null) {
            String junit = junitProblem(options.junit());
            if (junit != null) {
                problems.add(junit);
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckInputException(String.join("\n", problems));
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            entries.add(read(file));
        }
        Map<String, Path> names = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!e.readable()) {
                continue;
            }
            Path other = names.putIfAbsent(e.name(), e.file());
            if (other != null) {
                problems.add("two scenarios are named '" + e.name() + "': " + other + " and " + e.file()
                        + "; names must be unique (they name the reference and output folders)");
                continue;
            }
            checkDestination(options.out().resolve(e.name()), problems);
            if (options.update()) {
                checkDestination(options.reference().resolve(e.name()), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckInputException(String.join("\n", problems));
        }
        return new CheckPlan(options, entries);
    }

    private static Entry read(Path file) {
        try {
            LoadedScenario loaded = ScenarioReader.read(file);
            return new Entry(loaded.model().name(), file, loaded, null);
        } catch (ScenarioException e) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return new Entry(dot > 0 ? name.substring(0, dot) : name, file, null, e.getMessage());
        }
    }

    /** @return the scenario files of the paths, each once, in order */
    static List<Path> find(List<Path> paths, List<String> problems) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(path + ": no such file or folder");
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile).filter(CheckPlan::isScenarioFile)
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                            .filter(f -> seen.add(real(f))).forEach(files::add);
                } catch (IOException e) {
                    problems.add(path + ": cannot list the folder: " + e.getMessage());
                }
            } else if (seen.add(real(path))) {
                files.add(path);
            }
        }
        return files;
    }

    private static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static void checkFolder(Path folder, String option, boolean mustExist, List<String> problems) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            problems.add(option + " " + folder + ": not a folder");
        } else if (mustExist && !Files.exists(folder)) {
            problems.add(option + " " + folder + ": no such folder (write the references first with "
                    + "'ionflux check --update')");
        }
    }

    private static void checkDestination(Path folder, List<String> problems) {
        try {
            OutputFolder.of(folder, RunWriter.OUTPUT_FILES);
        } catch (OutputFolderException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add(folder + ": cannot be read: " + e.getMessage());
        }
    }

    /** @return why {@code junit} cannot be written, or null if it can */
    static String junitProblem(Path junit) {
        Path file = junit.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            return "--junit " + junit + ": is a folder; name the XML file to write";
        }
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file) ? null
                    : "--junit " + junit + ": cannot be written";
        }
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return "--junit " + junit + ": cannot be written: " + existing + " is not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "--junit " + junit + ": cannot be written: the folder " + existing + " is not writable";
        }
        return null;
    }
}
