package org.ionflux.internal.workflow.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ionflux.internal.output.OutputFolder;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * The output folder of a sweep: {@code sweep.csv}, written row by row in variant order as variants finish (rows
 * that finish early wait in memory for their turn), and {@code sweep.json}, the fingerprint that {@code --resume}
 * checks (docs/decisions.md "Sweeps"). Every row is flushed to the file once it is written, so a killed sweep keeps
 * every row before the first variant it had not finished.
 *
 * <p>A fresh sweep writes into a folder that is absent, empty or holds an earlier sweep's outputs (which it
 * replaces); it refuses any other folder. A resumed sweep keeps the complete rows of {@code sweep.csv} (a row cut by
 * the kill is dropped) and goes on after them; it refuses a {@code sweep.csv} that another sweep file (or another
 * version of the base scenario) wrote.
 */
public final class SweepOutput implements Closeable {

    /** The table. */
    public static final String CSV = "sweep.csv";
    /** The fingerprint. */
    public static final String JSON = "sweep.json";
    /** Folder of the variants' run outputs ({@code --traces}). */
    public static final String VARIANTS = "variants";

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern VARIANT_FOLDER = Pattern.compile("\\.?\\d+(\\.failed)?(\\.partial-.*|\\.old-.*)?");

    private final Path dir;
    private final BufferedWriter csv;
    private final int keptRows;
    private final int keptFailed;
    private final Map<Integer, SweepRow> waiting = new HashMap<>();
    private int next;
    private int written;
    private int failed;

    private SweepOutput(Path dir, BufferedWriter csv, int keptRows, int keptFailed) {
        this.dir = dir;
        this.csv = csv;
        this.keptRows = keptRows;
        this.keptFailed = keptFailed;
        this.next = keptRows;
    }

    /**
     * Opens the output folder of a sweep.
     *
     * @param out    the folder, as the user named it
     * @param sweep  the sweep (its fingerprint goes to {@code sweep.json})
     * @param resume keep the complete rows of an earlier run of the same sweep and go on after them
     * @throws OutputFolderException when the folder may not be used or a resume is refused (nothing is written)
     */
    public static SweepOutput open(Path out, SweepDefinition sweep, int variants, boolean resume)
            throws OutputFolderException, IOException {
        if (out.toString().isEmpty()) {
            throw new OutputFolderException("the output folder is empty (--out \"\"): name a folder for the results");
        }
        Path dir = out.toAbsolutePath().normalize();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputFolderException(out + ": the output folder exists and is not a folder; choose another "
                    + "--out");
        }
        List<String> header = SweepCsv.header(sweep);
        ObjectNode fingerprint = fingerprint(sweep, variants, header);
        Path csvFile = dir.resolve(CSV);
        if (resume && Files.exists(csvFile)) {
            checkFingerprint(out, dir, fingerprint);
            long[] kept = keptRows(csvFile, header, variants);
            try (FileChannel channel = FileChannel.open(csvFile, StandardOpenOption.WRITE)) {
                channel.truncate(kept[0]);
            }
            cleanPartialVariants(dir.resolve(VARIANTS));
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csvFile,
                    StandardOpenOption.APPEND), StandardCharsets.UTF_8), 1 << 16);
            return new SweepOutput(dir, writer, (int) kept[1], (int) kept[2]);
        }
        clearEarlierSweep(out, dir);
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(JSON), JSON_MAPPER.writeValueAsString(fingerprint) + "\n");
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csvFile),
                StandardCharsets.UTF_8), 1 << 16);
        writer.write(SweepCsv.line(header));
        writer.flush();
        return new SweepOutput(dir, writer, 0, 0);
    }

    /** @return what identifies the sweep that wrote a folder: its two files' SHA-256 and its columns */
    private static ObjectNode fingerprint(SweepDefinition sweep, int variants, List<String> header) {
        ObjectNode json = JSON_MAPPER.createObjectNode();
        json.put("sweep", sweep.name());
        json.put("sweep_file", sweep.file());
        json.put("sweep_sha256", sweep.sweepSha256());
        json.put("scenario_file", sweep.scenarioName());
        json.put("scenario_sha256", sweep.scenarioSha256());
        json.put("variants", variants);
        ArrayNode columns = json.putArray("columns");
        header.forEach(columns::add);
        return json;
    }

    private static void checkFingerprint(Path out, Path dir, ObjectNode expected)
            throws OutputFolderException, IOException {
        Path file = dir.resolve(JSON);
        if (!Files.isRegularFile(file)) {
            throw new OutputFolderException(out + ": cannot resume: " + CSV + " is there but not " + JSON + ", so "
                    + "nothing tells which sweep wrote it; run without --resume to start over (it replaces them)");
        }
        JsonNode found;
        try {
            found = JSON_MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new OutputFolderException(out + ": cannot resume: " + JSON + " cannot be read (" + e.getMessage()
                    + "); run without --resume to start over");
        }
        List<String> differences = new ArrayList<>();
        for (String key : List.of("sweep_sha256", "scenario_sha256", "columns")) {
            if (!expected.get(key).equals(found.get(key))) {
                differences.add(key);
            }
        }
        if (!differences.isEmpty()) {
            boolean sweepFile = differences.contains("sweep_sha256") || differences.contains("columns");
            throw new OutputFolderException(out + ": cannot resume: its " + CSV + " came from "
                    + (sweepFile ? "a different sweep file (" + text(found, "sweep_file") + ", SHA-256 "
                    + abbreviated(found, "sweep_sha256") + "; this one is " + text(expected, "sweep_file")
                    + ", SHA-256 " + abbreviated(expected, "sweep_sha256") + ")"
                    : "a different version of the base scenario " + text(found, "scenario_file"))
                    + "; run without --resume to start over (it replaces that folder's sweep), or choose another "
                    + "--out");
        }
    }

    private static String text(JsonNode json, String key) {
        JsonNode v = json.get(key);
        return v == null ? "?" : v.asText();
    }

    private static String abbreviated(JsonNode json, String key) {
        String s = text(json, key);
        return s.length() > 12 ? s.substring(0, 12) + "..." : s;
    }

    /**
     * Reads the complete rows of an earlier run: lines that end with a line end, have the header's cells, are
     * numbered 0, 1, 2, ... and have a status.
     *
     * @return {byte length of the header and the rows kept, rows kept, failed rows among them}
     */
    private static long[] keptRows(Path csvFile, List<String> header, int variants)
            throws IOException, OutputFolderException {
        long offset = 0;
        long rows = 0;
        long failed = 0;
        boolean first = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csvFile), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                long length = line.size() + 1L;
                line.reset();
                List<String> cells = SweepCsv.split(text);
                if (first) {
                    if (!header.equals(cells)) {
                        throw new OutputFolderException(csvFile + ": cannot resume: its header is not this sweep's");
                    }
                    first = false;
                    offset += length;
                    continue;
                }
                if (cells == null || cells.size() != header.size() || rows >= variants
                        || !cells.get(0).equals(Long.toString(rows))) {
                    break;
                }
                String status = cells.get(cells.size() - 2);
                if (!status.equals("completed") && !status.equals("failed")) {
                    break;
                }
                failed += status.equals("failed") ? 1 : 0;
                rows++;
                offset += length;
            }
        }
        if (first) {
            // not even a whole header: start the file again
            Files.writeString(csvFile, SweepCsv.line(header), StandardCharsets.UTF_8);
            offset = Files.size(csvFile);
        }
        return new long[] {offset, rows, failed};
    }

    /**
     * A fresh sweep may replace an earlier sweep's outputs, and nothing else: the folder must be absent, empty, or
     * hold {@code sweep.json} and only sweep outputs ({@code sweep.csv}, {@code sweep.json}, PNG files, and a
     * {@code variants} folder of run outputs).
     */
    private static void clearEarlierSweep(Path out, Path dir) throws OutputFolderException, IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        boolean earlier = Files.isRegularFile(dir.resolve(JSON), LinkOption.NOFOLLOW_LINKS);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            if (file && (name.equals(CSV) || name.equals(JSON) || name.endsWith(".png"))) {
                continue;
            }
            if (name.equals(VARIANTS) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && onlyVariantFolders(p)) {
                continue;
            }
            earlier = false;
        }
        if (!earlier) {
            throw new OutputFolderException(out + ": the output folder exists and holds files that are not the "
                    + "outputs of a sweep; choose another --out (ionflux only replaces an earlier sweep's outputs, "
                    + "never other files)");
        }
        for (Path p : entries) {
            OutputFolder.deleteTree(p);
        }
    }

    private static boolean onlyVariantFolders(Path variants) throws IOException {
        try (Stream<Path> list = Files.list(variants)) {
            return list.allMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && VARIANT_FOLDER.matcher(p.getFileName().toString()).matches());
        }
    }

    /** Removes the temporary folders that runs killed with the sweep left in {@code variants/}. */
    private static void cleanPartialVariants(Path variants) throws IOException {
        if (!Files.isDirectory(variants)) {
            return;
        }
        List<Path> partial;
        try (Stream<Path> list = Files.list(variants)) {
            partial = list.filter(p -> p.getFileName().toString().startsWith(".")
                    && VARIANT_FOLDER.matcher(p.getFileName().toString()).matches()).toList();
        }
        for (Path p : partial) {
            OutputFolder.deleteTree(p);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the folder, absolute */
    public Path dir() {
        return dir;
    }

    /** @return the rows kept from an earlier run ({@code --resume}): variants 0 to this - 1 have a row */
    public int keptRows() {
        return keptRows;
    }

    /** @return the failed rows among those kept */
    public int keptFailed() {
        return keptFailed;
    }

    /** @return the variant whose row is written next */
    public synchronized int next() {
        return next;
    }

    /** @return rows written by this run */
    public synchronized int written() {
        return written;
    }

    /** @return failed rows written by this run */
    public synchronized int failed() {
        return failed;
    }

    /**
     * Takes a finished variant's row, in any order: it is written when every variant before it has been, then
     * flushed. Wakes the threads that {@link #awaitRoom} holds.
     */
    public synchronized void accept(SweepRow row) throws IOException {
        if (row.variant() < next || waiting.containsKey(row.variant())) {
            throw new IllegalStateException("variant " + row.variant() + " has a row already");
        }
        waiting.put(row.variant(), row);
        boolean any = false;
        SweepRow r;
        while ((r = waiting.remove(next)) != null) {
            csv.write(r.csvLine());
            next++;
            written++;
            failed += r.completed() ? 0 : 1;
            any = true;
        }
        if (any) {
            csv.flush();
            notifyAll();
        }
    }

    /**
     * Waits until {@code variant} is fewer than {@code window} variants ahead of the next row to write, so that the
     * rows waiting for their turn stay few.
     *
     * @return false if {@code stop} said to give up
     */
    public synchronized boolean awaitRoom(int variant, int window, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        while (variant >= next + window) {
            if (stop.getAsBoolean()) {
                return false;
            }
            wait(100);
        }
        return true;
    }

    /** Wakes every thread waiting in {@link #awaitRoom}. */
    public synchronized void wakeAll() {
        notifyAll();
    }

    /** Closes {@code sweep.csv}; rows still waiting for an earlier variant are dropped (they run again on resume). */
    @Override
    public synchronized void close() throws IOException {
        waiting.clear();
        csv.close();
    }

    /** @return the names of the files a sweep writes besides its PNG plots */
    static Set<String> files() {
        return Set.of(CSV, JSON);
    }
}
