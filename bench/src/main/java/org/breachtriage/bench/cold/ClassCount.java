package org.breachtriage.bench.cold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes a JVM loaded by a moment, read from its {@code -Xlog:class+load} file (each line starts with
 * the JVM's uptime), and how many of them came from a CDS archive (the JDK's own, or ours: "(top)").
 */
record ClassCount(int loaded, int fromCds, int fromDynamicArchive, ClassGroups groups) {
    /** The handler's package: its first class marks the end of the runtime client's start-up. */
    static final String HANDLER_PACKAGE = "org.breachtriage.";

    /** @param bySeconds count lines up to this JVM uptime (the process's first answer) */
    static ClassCount of(Path log, double bySeconds) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int loaded = 0;
        int cds = 0;
        int dynamic = 0;
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            if (!line.contains("source:") || uptime(line) > bySeconds) {
                continue;
            }
            loaded++;
            names.add(className(line));
            if (line.contains("shared objects file")) {
                cds++;
                if (line.contains("(top)")) {
                    dynamic++;
                }
            }
        }
        return new ClassCount(loaded, cds, dynamic, ClassGroups.of(names, HANDLER_PACKAGE));
    }

    /** "[1.475s][info][class,load] java.lang.Object source: …" → java.lang.Object */
    private static String className(String line) {
        int start = line.indexOf("] ", line.indexOf("class,load")) + 2;
        int end = line.indexOf(' ', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    /** "[1.475s][info][class,load] …" → 1.475 */
    private static double uptime(String line) {
        int end = line.indexOf("s]");
        return line.startsWith("[") && end > 1 ? Double.parseDouble(line.substring(1, end)) : 0;
    }
}
