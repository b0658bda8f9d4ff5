package org.breachtriage.bench.cold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.breachtriage.bench.cold.ColdStart.Timing;
import org.breachtriage.bench.cold.ColdStart.Variant;

/** The cold-start table: medians, each handler beside the hello world with the same JIT flags. */
final class ColdStartReport {
    /** The targets: first event within 10× a hello world, and at most 2,500 classes loaded. */
    static final double RATIO_TARGET = 10.0;
    static final int CLASS_TARGET = 2_500;

    private ColdStartReport() {
    }

    static String markdown(List<Variant> variants, Map<Variant, List<Timing>> timings, Map<Variant, ClassCount> classes,
                           int runs, int rows, String archive) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Java %s (%s), %d processors; %d alternating rounds; score events of %d rows;"
                        + " AppCDS archive: %s%n%n",
                System.getProperty("java.vm.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), runs, rows, archive == null ? "none" : archive));
        out.append("| JVM | first event (hello: exit), median | min | max | ÷ hello world, same JIT flags (medians) | target ≤ 10× |"
                + " CPU to the first event, median | CPU ÷ hello world's |"
                + " second event, same JVM (median) | classes loaded by the first answer | of them from CDS (of them from the AppCDS archive) | target ≤ 2,500 |\n");
        out.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
        Map<Variant, List<Double>> times = new java.util.LinkedHashMap<>();
        timings.forEach((v, t) -> times.put(v, t.stream().map(Timing::first).toList()));
        double hello = Double.NaN;
        double helloCpu = Double.NaN;
        for (Variant v : variants) {
            double median = median(times.get(v));
            double cpu = median(timings.get(v).stream().map(Timing::cpu).toList());
            if (!v.handler()) {
                helloCpu = cpu;
            }
            String second = v.handler() ? String.format(Locale.ROOT, "%.3f s",
                    median(timings.get(v).stream().map(Timing::warmSecond).toList())) : "";
            if (!v.handler()) {
                hello = median;
            }
            ClassCount c = classes.get(v);
            double ratio = median / hello;
            out.append(String.format(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s | %s | %s | %.2f s | %.1f× | %s | %,d | %,d (%,d) | %s |%n",
                    v.name(), median, min(times.get(v)), max(times.get(v)),
                    v.handler() ? String.format(Locale.ROOT, "%.1f×", ratio) : "1.0×",
                    v.handler() ? verdict(ratio <= RATIO_TARGET, String.format(Locale.ROOT, "%.1f×", ratio / RATIO_TARGET)) : "",
                    cpu, cpu / helloCpu,
                    second,
                    c.loaded(), c.fromCds(), c.fromDynamicArchive(),
                    v.handler() ? verdict(c.loaded() <= CLASS_TARGET, String.format(Locale.ROOT, "%,d over", c.loaded() - CLASS_TARGET)) : ""));
        }
        out.append(byLibrary(variants, classes));
        out.append("\nEvery time, in run order (wall s / CPU s):\n\n");
        for (Variant v : variants) {
            List<String> each = new ArrayList<>();
            timings.get(v).forEach(t -> each.add(String.format(Locale.ROOT, "%.3f / %.2f", t.first(), t.cpu())));
            out.append("- ").append(v.name()).append(": ").append(String.join(", ", each)).append('\n');
        }
        return out.toString();
    }

    /**
     * Each handler's classes by library (lambda classes among them in brackets), and how many the JVM
     * and the runtime client had loaded before the handler's first class.
     */
    static String byLibrary(List<Variant> variants, Map<Variant, ClassCount> classes) {
        StringBuilder out = new StringBuilder("\nClasses loaded by the first answer, by library (of them lambda classes):\n\n| JVM | before the handler's first class |");
        ClassGroups.GROUPS.forEach(g -> out.append(' ').append(g).append(" |"));
        out.append("\n|---|---:|").append("---:|".repeat(ClassGroups.GROUPS.size())).append('\n');
        for (Variant v : variants) {
            if (!v.handler()) {
                continue;
            }
            ClassGroups groups = classes.get(v).groups();
            out.append("| ").append(v.name()).append(String.format(Locale.ROOT, " | %,d |", groups.beforeHandler()));
            for (String g : ClassGroups.GROUPS) {
                out.append(String.format(Locale.ROOT, " %,d (%,d) |", groups.loaded().get(g), groups.lambdas().get(g)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String verdict(boolean met, String missedBy) {
        return met ? "met" : "missed (" + missedBy + ")";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
