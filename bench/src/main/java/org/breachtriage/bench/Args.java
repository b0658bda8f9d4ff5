package org.breachtriage.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options; the harness is driven by bench/run.sh, so nothing fancier is needed. */
record Args(Map<String, String> options, List<String> positional) {

    static Args parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                options.put(arg.substring(2), args.get(++i));
            } else {
                positional.add(arg);
            }
        }
        return new Args(Map.copyOf(options), List.copyOf(positional));
    }

    String string(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    String string(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    Path path(String name) {
        return Path.of(string(name));
    }

    int integer(String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    long longValue(String name, long fallback) {
        String value = options.get(name);
        return value == null ? fallback : Long.parseLong(value.replace("_", ""));
    }

    double decimal(String name, double fallback) {
        String value = options.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
