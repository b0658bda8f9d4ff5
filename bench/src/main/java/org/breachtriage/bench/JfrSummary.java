package org.breachtriage.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a recorded run, from JFR's execution samples (a sample is a running thread
 * caught in Java code): samples per thread, the hottest methods by self time, and the project's and
 * MVStore's methods by inclusive time (on the stack at all), per thread.
 */
final class JfrSummary {
    private static final List<String> OUR_PACKAGES = List.of("org.breachtriage.", "org.h2.");
    private static final String HARNESS = "org.breachtriage.bench.";

    private JfrSummary() {
    }

    static String summarise(Path recording, int top) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> selfTime = new HashMap<>();
        Map<String, Map<String, Long>> inclusiveByThread = new HashMap<>();
        Map<String, Long> allocationBySite = new HashMap<>();
        long allocationWeight = 0;
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                String site = allocationSite(event);
                if (site.startsWith(HARNESS)) {
                    continue; // the recording's own set-up on the main thread, not the run
                }
                long weight = event.getLong("weight");
                allocationWeight += weight;
                allocationBySite.merge(site, weight, Long::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String thread = threadGroup(event.getThread("sampledThread") == null ? "?"
                    : event.getThread("sampledThread").getJavaName());
            byThread.merge(thread, 1L, Long::sum);
            selfTime.merge(method(stack.getFrames().getFirst()), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            Map<String, Long> inclusive = inclusiveByThread.computeIfAbsent(thread, t -> new HashMap<>());
            for (RecordedFrame frame : stack.getFrames()) {
                String method = method(frame);
                if (OUR_PACKAGES.stream().anyMatch(method::startsWith) && seen.add(method)) {
                    inclusive.merge(method, 1L, Long::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d execution samples in %s%n%nSamples by thread:%n", samples,
                recording.getFileName()));
        for (var entry : sortedTop(byThread, Integer.MAX_VALUE).entrySet()) {
            out.append(line(entry.getKey(), entry.getValue(), samples));
        }
        out.append(String.format(Locale.ROOT, "%nTop %d methods by self samples (all threads):%n", top));
        for (var entry : sortedTop(selfTime, top).entrySet()) {
            out.append(line(entry.getKey(), entry.getValue(), samples));
        }
        out.append(String.format(Locale.ROOT, "%nTop %d allocation sites (first project/MVStore frame, with the "
                + "allocated class), by sampled weight; %,.0f MB sampled in all:%n", top, allocationWeight / 1048576.0));
        for (var entry : sortedTop(allocationBySite, top).entrySet()) {
            out.append(line(entry.getKey(), entry.getValue(), allocationWeight));
        }
        for (var thread : sortedTop(byThread, Integer.MAX_VALUE).keySet()) {
            long threadSamples = byThread.get(thread);
            out.append(String.format(Locale.ROOT, "%nThread %s: top %d project/MVStore methods by inclusive samples "
                    + "(%% of this thread's samples):%n", thread, top));
            for (var entry : sortedTop(inclusiveByThread.getOrDefault(thread, Map.of()), top).entrySet()) {
                out.append(line(entry.getKey(), entry.getValue(), threadSamples));
            }
        }
        return out.toString();
    }

    /** The first of our frames on the stack (else the top frame), and what was allocated there. */
    private static String allocationSite(RecordedEvent event) {
        String type = event.getClass("objectClass") == null ? "?" : event.getClass("objectClass").getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return type + " (no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String method = method(frame);
            if (OUR_PACKAGES.stream().anyMatch(method::startsWith)) {
                return method + " <- " + type;
            }
        }
        return method(stack.getFrames().getFirst()) + " <- " + type;
    }

    /** Numbered pool threads are one group: "triage-batch-worker-0" and "-1" are the same job. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("-\\d+$", "-N");
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Long> sortedTop(Map<String, Long> counts, int top) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String line(String name, long count, long of) {
        return String.format(Locale.ROOT, "  %5.1f%%  %7d  %s%n", 100.0 * count / of, count, name);
    }
}
