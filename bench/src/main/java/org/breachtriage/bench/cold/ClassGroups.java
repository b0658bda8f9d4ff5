package org.breachtriage.bench.cold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the classes of a {@code -Xlog:class+load} log come from, by library: what a cut has to aim
 * at. A lambda's hidden class ({@code Host$$Lambda/0x…}) counts with the library whose code spun it,
 * and is also counted apart, since each lambda call site run for the first time costs a class.
 *
 * @param beforeHandler classes loaded before the first class of the handler's package: the JVM and the
 *                      runtime client starting, a floor no change of ours moves
 */
record ClassGroups(Map<String, Integer> loaded, Map<String, Integer> lambdas, int beforeHandler) {

    /** Groups in report order: first prefix that matches wins; the JDK last. */
    static final List<String> GROUPS = List.of("AWS SDK", "Jackson", "runtime client and events", "Breach Triage",
            "other libraries", "JDK");

    static ClassGroups of(List<String> classNames, String handlerPrefix) {
        Map<String, Integer> loaded = new LinkedHashMap<>();
        Map<String, Integer> lambdas = new LinkedHashMap<>();
        GROUPS.forEach(g -> {
            loaded.put(g, 0);
            lambdas.put(g, 0);
        });
        int before = -1;
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i);
            if (before < 0 && name.startsWith(handlerPrefix)) {
                before = i;
            }
            String group = groupOf(name);
            loaded.merge(group, 1, Integer::sum);
            if (name.contains("$$Lambda")) {
                lambdas.merge(group, 1, Integer::sum);
            }
        }
        return new ClassGroups(loaded, lambdas, Math.max(before, 0));
    }

    static String groupOf(String className) {
        int hidden = className.indexOf("$$");
        String host = hidden > 0 ? className.substring(0, hidden) : className;
        if (host.startsWith("software.amazon.awssdk.")) {
            return "AWS SDK";
        }
        if (host.startsWith("com.fasterxml.jackson.")) {
            return "Jackson";
        }
        if (host.startsWith("com.amazonaws.")) {
            return "runtime client and events";
        }
        if (host.startsWith("org.breachtriage.")) {
            return "Breach Triage";
        }
        if (host.startsWith("java.") || host.startsWith("javax.") || host.startsWith("jdk.") || host.startsWith("sun.")
                || host.startsWith("com.sun.") || !host.contains(".")) {
            return "JDK";
        }
        return "other libraries";
    }
}
