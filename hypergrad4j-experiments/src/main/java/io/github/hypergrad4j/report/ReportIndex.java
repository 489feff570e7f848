package io.github.hypergrad4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The static report page {@value #FILE_NAME} of an output directory: one section per experiment run
 * found in {@code DIR/<experiment>/results.json}, with its figures and a table of its final numbers.
 * The page is rebuilt from those records on every run, so adding or re-running an experiment
 * updates its own section and keeps the others; there is no state in the HTML itself.
 */
public final class ReportIndex {
    /** The report's file name inside the output directory. */
    public static final String FILE_NAME = "index.html";
    private static final String LOCK_NAME = ".index.lock";

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportIndex() {}

    /** A record that was found, or the reason it could not be read. */
    private record Entry(String directory, JsonNode results, String problem) {
        int order() {
            return results == null ? Integer.MAX_VALUE : results.path("order").asInt(Integer.MAX_VALUE);
        }
    }

    /**
     * Rebuilds {@code outputDirectory/index.html} from the records below it and returns its path. Runs of
     * different experiments into one directory take turns here under the lock {@code .index.lock}, so the
     * last to finish writes a page that lists every run; temporary files of a page write that was killed
     * are removed first. Hidden directories (a replacement being built) are not listed.
     */
    public static Path regenerate(Path outputDirectory) throws IOException {
        try (LockFile lock = LockFile.acquire(outputDirectory.resolve(LOCK_NAME),
                LockFile.describeThisProcess("rebuilding " + FILE_NAME))) {
            AtomicFiles.removeStaleTemporaryFiles(outputDirectory, FILE_NAME);
            return write(outputDirectory);
        }
    }

    private static Path write(Path outputDirectory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(outputDirectory,
                p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))) {
            for (Path dir : dirs) {
                Path file = dir.resolve(Results.FILE_NAME);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String name = dir.getFileName().toString();
                try {
                    entries.add(new Entry(name, Results.read(file), null));
                } catch (IOException e) {
                    entries.add(new Entry(name, null, "could not read " + file + ": " + e.getMessage()));
                }
            }
        }
        entries.sort(Comparator.comparingInt(Entry::order).thenComparing(Entry::directory));
        Path index = outputDirectory.resolve(FILE_NAME);
        AtomicFiles.writeString(index, html(entries));
        return index;
    }

    private static String html(List<Entry> entries) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>hypergrad4j report</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("section{border-top:1px solid #ccc;margin-top:2em}\n")
                .append("figure{margin:1em 0}img{max-width:100%;border:1px solid #eee}\n")
                .append("figcaption{color:#555;font-size:90%}\n")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n")
                .append("td.num{text-align:right;font-family:monospace}.meta{color:#555;font-size:90%}\n")
                .append("pre{background:#f6f6f6;padding:.5em;overflow-x:auto}\n</style>\n</head>\n<body>\n")
                .append("<h1>hypergrad4j report</h1>\n");
        if (entries.isEmpty()) {
            h.append("<p>No experiment results in this directory yet.</p>\n");
        } else {
            h.append("<ul>\n");
            for (Entry e : entries) {
                String title = e.results == null ? e.directory : e.results.path("title").asText(e.directory);
                h.append("<li><a href=\"#").append(escape(urlSegment(e.directory))).append("\">").append(escape(title))
                        .append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        for (Entry e : entries) {
            section(h, e);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Entry e) throws IOException {
        h.append("<section id=\"").append(escape(e.directory)).append("\">\n");
        if (e.results == null) {
            h.append("<h2>").append(escape(e.directory)).append("</h2>\n<p>").append(escape(e.problem))
                    .append("</p>\n</section>\n");
            return;
        }
        JsonNode r = e.results;
        h.append("<h2>").append(escape(r.path("title").asText(e.directory))).append("</h2>\n");
        JsonNode ds = r.path("dataset");
        h.append("<p class=\"meta\">experiment <code>").append(escape(r.path("experiment").asText()))
                .append("</code> &middot; dataset ").append(escape(ds.path("name").asText("?")))
                .append(" &middot; seed ").append(r.path("seed").asText("?"))
                .append(r.path("quick").asBoolean(false) ? " &middot; quick size" : " &middot; default size")
                .append(" &middot; version ").append(escape(r.path("version").asText("?")));
        JsonNode seconds = r.path(Results.RUN_KEY).path("elapsedSeconds");
        if (seconds.isNumber()) {
            h.append(" &middot; ").append(String.format(Locale.ROOT, "%.1f s", seconds.asDouble()));
        }
        h.append("</p>\n");
        if (r.hasNonNull("description")) {
            h.append("<p>").append(escape(r.get("description").asText())).append("</p>\n");
        }
        if (r.hasNonNull("command")) {
            h.append("<pre>").append(escape(r.get("command").asText())).append("</pre>\n");
        }
        JsonNode summary = r.path("summary");
        if (summary.size() > 0) {
            h.append("<table>\n<tr><th>final number</th><th>value</th></tr>\n");
            for (JsonNode row : summary) {
                JsonNode v = row.path("value");
                String value = v.isNumber() ? format(v.asDouble()) : v.isNull() ? "n/a" : v.asText();
                h.append("<tr><td>").append(escape(row.path("label").asText())).append("</td><td class=\"num\">")
                        .append(escape(value)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        JsonNode events = r.path("events");
        if (events.size() > 0) {
            h.append("<p><strong>Meta-optimisation events</strong></p>\n<ul class=\"events\">\n");
            for (JsonNode ev : events) {
                h.append("<li>").append(escape(ev.path("message").asText())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (JsonNode f : r.path("figures")) {
            String src = urlSegment(e.directory) + "/" + urlSegment(f.path("file").asText());
            String caption = f.path("caption").asText();
            h.append("<figure><a href=\"").append(escape(src)).append("\"><img src=\"").append(escape(src))
                    .append("\" alt=\"").append(escape(caption)).append("\"></a><figcaption>")
                    .append(escape(caption)).append("</figcaption></figure>\n");
        }
        h.append("<details><summary>configuration and data source</summary><pre>")
                .append(escape(PRETTY.writeValueAsString(r.path("config")))).append("\n")
                .append(escape(PRETTY.writeValueAsString(ds))).append("</pre></details>\n");
        h.append("<p class=\"meta\">every plotted number: <a href=\"").append(escape(urlSegment(e.directory)))
                .append("/").append(Results.FILE_NAME).append("\">").append(escape(e.directory)).append("/")
                .append(Results.FILE_NAME).append("</a></p>\n</section>\n");
    }

    /** Four significant digits, scientific notation outside [1e-3, 1e5). */
    static String format(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e5)) {
            return String.format(Locale.ROOT, "%.4g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /**
     * A file or directory name as one segment of a relative URL: every byte of its UTF-8 form outside
     * RFC 3986's unreserved characters percent-encoded, so that '#', '?', '%', spaces and the like in a
     * directory's name still lead to it.
     */
    static String urlSegment(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
