package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report.html} in a real browser: headless Chromium, its networking disabled (every host name resolves to
 * nothing, every connection goes to a closed proxy), loads the page from disk while the DevTools protocol records
 * every request the page makes. The page must make none but its own file, show the three SVG plots (rendered, not
 * empty), the summary, explain and final tables, and print to PDF; a screenshot and the PDF are saved under
 * {@code target/}. A control page with one external image proves that a request would be seen. Skipped, saying so,
 * when no {@code chromium} is installed ({@code .ci/run} installs it).
 */
class ReportInBrowserIT {

    static final Path OUT = Path.of("target", "report-it");
    static final long TIMEOUT_S = 60;

    private static Process browser;
    private static Path profile;
    private static Cdp cdp;
    private static final List<String> BROWSER_LOG = new ArrayList<>();

    /** @return the chromium executable on the PATH, or null */
    static Path chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        Path exe = chromium();
        Assumptions.assumeTrue(exe != null, "chromium is not installed: the browser test of report.html is skipped "
                + "(apt-get install chromium; .ci/run does it)");
        profile = Files.createTempDirectory("ionflux-chromium-");
        List<String> command = List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
                "about:blank");
        browser = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
            try (BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    synchronized (BROWSER_LOG) {
                        BROWSER_LOG.add(line);
                    }
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        cdp = new Cdp(URI.create(endpoint.get(TIMEOUT_S, TimeUnit.SECONDS)));
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (cdp != null) {
            try {
                cdp.send(null, "Browser.close", Map.of()).get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the process is ended below anyway
            }
        }
        if (browser != null) {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (profile != null) {
            try (Stream<Path> all = Files.walk(profile)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theReportShowsEverySectionAndMakesNoRequest() throws Exception {
        Path run = OUT.resolve("pump-leak-cell");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "scenarios/pump-leak-cell.yaml", "--out", run.toString(),
            "--report"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        Path page = run.resolve("report.html").toAbsolutePath();
        String url = page.toUri().toString();

        Visit visit = visit(url);
        assertThat(visit.requests()).as("requests made by the page").containsOnly(url);
        JsonNode dom = visit.dom();
        assertThat(dom.get("svgs").asInt()).isEqualTo(3);
        for (JsonNode svg : dom.get("svgSizes")) {
            assertThat(svg.get(0).asDouble()).as("rendered SVG width").isGreaterThan(500);
            assertThat(svg.get(1).asDouble()).as("rendered SVG height").isGreaterThan(200);
        }
        assertThat(dom.get("polylines").asInt()).isGreaterThan(6);
        assertThat(dom.get("summaryRows").asInt()).isGreaterThan(8);
        assertThat(dom.get("explainTables").asInt()).isEqualTo(1);
        assertThat(dom.get("explainRows").asInt()).isEqualTo(5);
        assertThat(dom.get("finalRows").asInt()).isGreaterThan(10);
        assertThat(dom.get("title").asText()).isEqualTo("ionflux report: pump-leak-cell");
        assertThat(dom.get("scenario").asText()).contains("name: pump-leak-cell");
        assertThat(dom.get("resources").asInt()).as("resources the page loaded (performance API)").isZero();

        byte[] png = visit.screenshot();
        Files.write(OUT.resolve("report-screenshot.png"), png);
        assertThat(png.length).isGreaterThan(50_000);
        byte[] pdf = visit.pdf();
        Files.write(OUT.resolve("report.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void aPageWithAnExternalImageIsCaughtRequestingIt() throws Exception {
        Files.createDirectories(OUT);
        Path control = OUT.resolve("control.html").toAbsolutePath();
        Files.writeString(control, "<!DOCTYPE html><html><body><p>control</p>"
                + "<img src=\"http://192.0.2.1/external.png\" alt=\"\"/></body></html>");
        Visit visit = visit(control.toUri().toString());
        assertThat(visit.requests()).contains("http://192.0.2.1/external.png");
    }

    /** What the browser saw of a page. */
    record Visit(String session, List<String> requests, JsonNode dom) {

        byte[] screenshot() throws Exception {
            ObjectNode clip = new ObjectMapper().createObjectNode().put("x", 0).put("y", 0).put("width", 1200)
                    .put("height", dom.get("height").asDouble()).put("scale", 1);
            JsonNode r = cdp.call(session, "Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", clip));
            return Base64.getDecoder().decode(r.get("data").asText());
        }

        byte[] pdf() throws Exception {
            JsonNode r = cdp.call(session, "Page.printToPDF", Map.of("printBackground", true));
            return Base64.getDecoder().decode(r.get("data").asText());
        }
    }

    /** Opens {@code url} in a new tab, records its requests until it has loaded and settled, reads its DOM. */
    static Visit visit(String url) throws Exception {
        String target = cdp.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = cdp.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        cdp.call(session, "Network.enable", Map.of());
        cdp.call(session, "Page.enable", Map.of());
        cdp.call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1200, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        CompletableFuture<JsonNode> loaded = cdp.nextEvent(session, "Page.loadEventFired");
        cdp.call(session, "Page.navigate", Map.of("url", url));
        loaded.get(TIMEOUT_S, TimeUnit.SECONDS);
        Thread.sleep(500); // anything started late (a lazy image, a font) would show up by now
        String js = """
                JSON.stringify({
                  svgs: document.querySelectorAll('svg').length,
                  svgSizes: Array.from(document.querySelectorAll('svg')).map(s => {
                      const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
                  polylines: document.querySelectorAll('svg polyline').length,
                  summaryRows: document.querySelectorAll('table.summary tr').length,
                  explainTables: document.querySelectorAll('table.explain').length,
                  explainRows: document.querySelectorAll('table.explain tbody tr').length,
                  finalRows: document.querySelectorAll('table.final tbody tr').length,
                  title: document.title,
                  scenario: (document.querySelector('pre.scenario') || {textContent: ''}).textContent,
                  resources: performance.getEntriesByType('resource').length,
                  height: Math.ceil(document.documentElement.scrollHeight)
                })""";
        JsonNode result = cdp.call(session, "Runtime.evaluate", Map.of("expression", js, "returnByValue", true));
        JsonNode dom = new ObjectMapper().readTree(result.get("result").get("value").asText());
        return new Visit(session, cdp.requests(session), dom);
    }

    /** A minimal DevTools protocol client over a WebSocket: commands with ids, events kept by session. */
    static final class Cdp implements WebSocket.Listener {
        private final ObjectMapper json = new ObjectMapper();
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final Map<String, List<String>> requests = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> waits = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(URI endpoint) throws Exception {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, this)
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
        }

        CompletableFuture<JsonNode> send(String session, String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
            message.set("params", json.valueToTree(params));
            if (session != null) {
                message.put("sessionId", session);
            }
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            synchronized (socket) {
                socket.sendText(message.toString(), true).join();
            }
            return reply;
        }

        JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
            JsonNode reply = send(session, method, params).get(TIMEOUT_S, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        }

        CompletableFuture<JsonNode> nextEvent(String session, String method) {
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            waits.put(session + " " + method, f);
            return f;
        }

        List<String> requests(String session) {
            return List.copyOf(requests.getOrDefault(session, List.of()));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) {
                            f.complete(message);
                        }
                    } else {
                        String session = message.path("sessionId").asText("");
                        String method = message.path("method").asText();
                        if (method.equals("Network.requestWillBeSent")) {
                            requests.computeIfAbsent(session, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(message.path("params").path("request").path("url").asText());
                        }
                        CompletableFuture<JsonNode> f = waits.remove(session + " " + method);
                        if (f != null) {
                            f.complete(message);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
