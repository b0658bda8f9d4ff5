package org.breachtriage.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Optional Flight Recorder sampling around one phase (JFR's "profile" settings: a Java stack sample
 * of each running thread every 10 ms, plus lock and I/O events). Off unless a file is given, because
 * sampling costs a few percent and the timed figures should not carry it.
 */
final class Profiler {
    private final Path output;

    private Profiler(Path output) {
        this.output = output;
    }

    static Profiler off() {
        return new Profiler(null);
    }

    static Profiler to(Path output) {
        return new Profiler(output);
    }

    boolean enabled() {
        return output != null;
    }

    Path output() {
        return output;
    }

    interface Session extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    Session start() throws IOException {
        if (output == null) {
            return () -> { };
        }
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (ParseException e) {
            throw new IOException("JFR 'profile' settings unreadable: " + e.getMessage(), e);
        }
        recording.setToDisk(true);
        recording.start();
        return () -> {
            recording.stop();
            recording.dump(output);
            recording.close();
        };
    }
}
