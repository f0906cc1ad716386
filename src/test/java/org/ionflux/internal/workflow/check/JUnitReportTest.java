package org.ionflux.internal.workflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The JUnit XML stays well-formed whatever the messages hold: markup characters, quotes, control characters. */
class JUnitReportTest {

    @TempDir
    Path tmp;

    @Test
    void messagesAreEscapedAndCharactersXmlCannotHoldAreReplaced() throws Exception {
        String nasty = "a <b> & \"c\" 'd' ]]> \u0001\u0007 \uD83D\uDE00 \uD800 end";
        List<Verdict> verdicts = List.of(
                new Verdict("x&y", Verdict.Outcome.FAILURE, "values", nasty, "detail " + nasty, 0.5),
                new Verdict("z", Verdict.Outcome.ERROR, "bad-scenario", nasty, "", 0.25),
                new Verdict("p", Verdict.Outcome.PASS, "", "", "", 0.125),
                new Verdict("u", Verdict.Outcome.CHANGED, "", "cell.K_mM ...", "", 0.1));
        Path file = tmp.resolve("sub/dir/report.xml");
        JUnitReport.write(file, verdicts, 1.0);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.000");
        String expected = "a <b> & \"c\" 'd' ]]> \uFFFD\uFFFD \uD83D\uDE00 \uFFFD end";
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(expected);
        assertThat(failure.getTextContent()).isEqualTo(expected + "\ndetail " + expected);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("x&y");
        assertThat(((Element) xml.getElementsByTagName("error").item(0)).getAttribute("message")).isEqualTo(expected);
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("changed u: cell.K_mM ...");
        assertThat(tmp.resolve("sub/dir").toFile().list()).containsExactly("report.xml");
    }
}
