package org.ionflux.internal.workflow.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report of {@code ionflux check --junit FILE} (WORKFLOWS.md section 2), the format CI servers
 * (Jenkins, GitLab, GitHub Actions reporters) display: one {@code <testsuite name="ionflux check">} with the counts
 * and the wall time, one {@code <testcase classname="ionflux.check" name="N">} per scenario, with a
 * {@code <failure>} for a value, column, time or invariant failure and an {@code <error>} for a scenario that
 * could not be compared (no reference, a bad scenario, a failed run). Written with the JDK's XML writer, so every
 * text is escaped; characters XML cannot hold (control characters) become U+FFFD.
 */
public final class JUnitReport {

    /** The test suite's name. */
    public static final String SUITE = "ionflux check";
    /** Every test case's class name. */
    public static final String CLASS_NAME = "ionflux.check";

    private JUnitReport() {
    }

    /**
     * Writes the report (to a temporary file beside it first, then moved into place).
     *
     * @param file      the XML file; missing parent folders are created
     * @param verdicts  one per scenario, in order
     * @param wallTimeS wall time of the whole check, s
     */
    public static void write(Path file, List<Verdict> verdicts, double wallTimeS) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                try {
                    write(xml, verdicts, wallTimeS);
                } finally {
                    xml.close();
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void write(XMLStreamWriter xml, List<Verdict> verdicts, double wallTimeS)
            throws XMLStreamException {
        long failures = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.FAILURE).count();
        long errors = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.ERROR).count();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", Integer.toString(verdicts.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(wallTimeS));
        xml.writeCharacters("\n");
        for (Verdict v : verdicts) {
            xml.writeCharacters("  ");
            boolean body = !v.passed() || !v.reason().isEmpty();
            if (body) {
                xml.writeStartElement("testcase");
            } else {
                xml.writeEmptyElement("testcase");
            }
            xml.writeAttribute("classname", CLASS_NAME);
            xml.writeAttribute("name", safe(v.scenario()));
            xml.writeAttribute("time", seconds(v.wallTimeS()));
            if (body) {
                if (v.passed()) {
                    // --update: what changed, for the record
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(safe(v.line()));
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement(v.outcome() == Verdict.Outcome.FAILURE ? "failure" : "error");
                    xml.writeAttribute("message", safe(v.reason()));
                    xml.writeAttribute("type", safe(v.type()));
                    xml.writeCharacters(safe(v.detail().isEmpty() ? v.reason() : v.reason() + "\n" + v.detail()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(s) ? s : 0.0);
    }

    /** @return the text with every character XML 1.0 cannot hold replaced by U+FFFD */
    static String safe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(ch).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF)
                        || (ch >= 0xE000 && ch <= 0xFFFD);
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? ch : '\uFFFD');
            }
        }
        return sb == null ? text : sb.toString();
    }
}
