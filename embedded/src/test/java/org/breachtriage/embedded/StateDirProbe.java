package org.breachtriage.embedded;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EmbeddedStateTest}: tries to open the state dir given as the
 * argument, the way a second {@code triage} process would.
 */
public final class StateDirProbe {
    public static final int IN_USE = 3;

    private StateDirProbe() {
    }

    public static void main(String[] args) {
        try (EmbeddedState state = EmbeddedState.open(Path.of(args[0]))) {
            System.out.println("opened " + state.stateDir());
        } catch (StateDirInUseException e) {
            System.err.println(e.getMessage());
            System.exit(IN_USE);
        }
    }
}
