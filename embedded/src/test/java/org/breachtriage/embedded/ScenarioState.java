package org.breachtriage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The state directory as a scenario backend: MVStore for staff, cases, incidents and people, a folder
 * for manifests, reports and letters, JSON Lines files for the topics. Opened on first use and kept
 * open, so a scenario that restarts the process sees the state a re-run would.
 *
 * <p>Registered as an extension ({@code @RegisterExtension}), it gives each test a fresh directory and
 * closes and removes it afterwards: the scenario suites extend different base classes, so this is how
 * they share the wiring.
 */
final class ScenarioState implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private Path stateDir;
    private EmbeddedState state;

    ScenarioHarness.Backend backend() {
        if (state == null) {
            state = EmbeddedState.open(stateDir);
        }
        return new ScenarioHarness.Backend(state.objectStore(), state.staffDirectory(), state.caseStore(),
                state.incidentStore(), state.personStore(), state.publisher());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("scenario-state-");
        state = null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
        state = null;
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (state != null) {
            state.close();
        }
    }
}
