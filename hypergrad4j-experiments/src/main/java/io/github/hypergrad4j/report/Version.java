package io.github.hypergrad4j.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version this code was built as, from a resource Maven fills in at build time. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** E.g. {@code 0.2.0}; {@code unknown} when run from unfiltered sources. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
