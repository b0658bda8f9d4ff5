package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStateTest {
    @TempDir
    Path tmp;

    /**
     * Nothing reaches a topic before the state that planned it is on disk: the publisher commits the store first.
     * The store's background commits are stopped, so only an explicit commit writes; the store file is copied the
     * moment the publish returns, which is all a process killed then would leave. Without the commit the copy
     * has neither person (checked by removing it). A write after the publish is not in the copy, which shows
     * the copy is a true crash image rather than the live store.
     */
    @Test
    void whatWasWrittenBeforeAPublishIsOnDiskWhenItsLineIs() throws IOException {
        Path stateDir = tmp.resolve("state");
        Path afterCrash = tmp.resolve("after-crash");
        String incidentId = "IN-commit-first";
        IncidentPerson planned = ContractData.matchedPerson(incidentId, "MP1", 0);
        IncidentPerson claimed = ContractData.matchedPerson(incidentId, "MP2", 0);
        IncidentPerson later = ContractData.matchedPerson(incidentId, "MP3", 0);
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.store().setAutoCommitDelay(0);
            state.personStore().putIfAbsent(planned);
            state.personStore().putIfAbsent(claimed);
            state.publisher().publish(Topic.NOTICES, List.of(new OutboundMessage("n1", "{}", "person.notice", Map.of())));
            Files.createDirectories(afterCrash);
            Files.copy(stateDir.resolve(EmbeddedState.STORE_FILE), afterCrash.resolve(EmbeddedState.STORE_FILE));
            state.personStore().putIfAbsent(later);
        }
        try (EmbeddedState restarted = EmbeddedState.open(afterCrash)) {
            assertEquals(Optional.of(planned), restarted.personStore().find(incidentId, "MP1"),
                    "a person written before the publish survives a crash right after it");
            assertEquals(Optional.of(claimed), restarted.personStore().find(incidentId, "MP2"));
            assertEquals(Optional.empty(), restarted.personStore().find(incidentId, "MP3"),
                    "the copy holds only what was committed when the line was written");
        }
    }

    @Test
    void everythingWrittenIsThereAfterReopening() throws IOException {
        Path stateDir = tmp.resolve("state/nested"); // created on open
        String caseId = "case-reopen";
        CaseRecord opened = ContractData.caseRecord(caseId, ContractData.AWARE_AT);
        IncidentPerson person = ContractData.matchedPerson(opened.incidentId(), "MP1", 0);
        IncidentRecord incident = ContractData.incidentRecord(opened.incidentId(), ContractData.AWARE_AT);
        DecisionEntry decision = new DecisionEntry(Instant.now(), "art33", "notify ICO", "high risk");
        CaseRecord afterBatch;
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(List.of(ContractData.staff("MP1")));
            state.caseStore().open(opened);
            state.caseStore().finishIngest(caseId, 101, 100, 1, 1);
            state.caseStore().addRejects(caseId, List.of(new RowRejection(5, "pay_number", "", "empty")));
            state.personStore().putIfAbsent(person);
            state.incidentStore().create(incident);
            afterBatch = state.caseStore().completeBatch(caseId, 0, Map.of(Counters.PERSONS_TOTAL, 100L)).orElseThrow();
            state.caseStore().appendDecision(caseId, decision);
            state.objectStore().put("reports/" + caseId + "/ico.md", "# ICO".getBytes(StandardCharsets.UTF_8),
                    "text/markdown", Map.of("case", caseId));
            state.publisher().publish(Topic.ALERTS, List.of(new OutboundMessage("a1", "{}", "t", Map.of())));
        }

        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            assertEquals(1, state.staffDirectory().count());
            assertEquals(ContractData.staff("MP1"), state.staffDirectory().findAll(List.of("MP1")).get("MP1"));
            assertEquals(Optional.of(afterBatch), state.caseStore().find(caseId));
            assertEquals(List.of(afterBatch), state.caseStore().list());
            assertEquals(Optional.of(person), state.personStore().find(opened.incidentId(), "MP1"));
            assertEquals(Optional.of(incident), state.incidentStore().find(opened.incidentId()));
            List<RowRejection> rejects = new ArrayList<>();
            state.caseStore().forEachReject(caseId, rejects::add);
            assertEquals(List.of(new RowRejection(5, "pay_number", "", "empty")), rejects);
            assertEquals(List.of(decision), state.caseStore().decisions(caseId));
            assertEquals(Optional.empty(), state.caseStore().completeBatch(caseId, 0, Map.of(Counters.PERSONS_TOTAL, 100L)),
                    "the finished-batch marker survives a restart");
            try (InputStream in = state.objectStore().open("reports/" + caseId + "/ico.md")) {
                assertArrayEquals("# ICO".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
            assertEquals(Map.of("case", caseId),
                    state.objectStore().head("reports/" + caseId + "/ico.md").orElseThrow().metadata());
            assertEquals(1, Files.readAllLines(state.topics().fileFor(Topic.ALERTS)).size());
        }
        assertTrue(Files.isRegularFile(stateDir.resolve("triage.mv.db")));
        assertTrue(Files.isDirectory(stateDir.resolve("objects/reports")));
        assertTrue(Files.isRegularFile(stateDir.resolve("topics/alerts.jsonl")));
    }

    @Test
    void aSecondOpenInThisProcessIsRefusedAndLeavesTheFirstLockInPlace() throws Exception {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState first = EmbeddedState.open(stateDir)) {
            StateDirInUseException e = assertThrows(StateDirInUseException.class, () -> EmbeddedState.open(stateDir));
            assertTrue(e.getMessage().startsWith("state dir " + stateDir.toAbsolutePath() + " is in use by another triage process"),
                    e.getMessage());

            // The refused open must not have released the OS lock: another process is still kept out.
            ProbeOutcome probe = probe(stateDir);
            assertEquals(StateDirProbe.IN_USE, probe.exitCode(), probe.output());
            first.staffDirectory().putAll(List.of(ContractData.staff("still-works")));
        }
        try (EmbeddedState again = EmbeddedState.open(stateDir)) {
            assertEquals(1, again.staffDirectory().count(), "closing releases the state dir");
        }
    }

    @Test
    void aSecondProcessGetsAClearError() throws Exception {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState ignored = EmbeddedState.open(stateDir)) {
            ProbeOutcome probe = probe(stateDir);

            assertEquals(StateDirProbe.IN_USE, probe.exitCode(), probe.output());
            assertEquals("state dir " + stateDir.toAbsolutePath() + " is in use by another triage process",
                    probe.output().strip());
        }
        ProbeOutcome afterClose = probe(stateDir);
        assertEquals(0, afterClose.exitCode(), afterClose.output());
    }

    @Test
    void aDamagedStoreFileIsAClearError() throws IOException {
        Path stateDir = tmp.resolve("state");
        Files.createDirectories(stateDir);
        Files.write(stateDir.resolve("triage.mv.db"), "this is not an MVStore file at all".repeat(200)
                .getBytes(StandardCharsets.UTF_8));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedState.open(stateDir));

        assertTrue(e.getMessage().startsWith("state file " + stateDir.toAbsolutePath().resolve("triage.mv.db")
                + " cannot be opened: "), e.getMessage());
        try (EmbeddedState fresh = EmbeddedState.open(tmp.resolve("other"))) {
            assertEquals(0, fresh.staffDirectory().count(), "a failed open leaves nothing registered");
        }
    }

    @Test
    void aFileWrittenWithDifferentEnumConstantsIsRefused() {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(List.of(ContractData.staff("MP1")));
        }
        try (MVStore raw = MVStore.open(stateDir.resolve("triage.mv.db").toString())) {
            raw.<String, String>openMap("triage.meta").put("enum.VettingLevel", "DV,SC,MV");
        }

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedState.open(stateDir));

        assertTrue(e.getMessage().contains("VettingLevel was [DV,SC,MV]"), e.getMessage());
        try (EmbeddedState reopened = openAfterFixing(stateDir)) {
            assertEquals(1, reopened.staffDirectory().count(), "the refused open released the file");
        }
    }

    @Test
    void aFileOfAnEarlierLayoutIsRefusedWithWhatToDoAndLeftAsItWas() throws IOException {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(List.of(ContractData.staff("MP1")));
        }
        Path file = stateDir.resolve("triage.mv.db");
        try (MVStore raw = MVStore.open(file.toString())) {
            raw.<String, String>openMap("triage.meta").put("layout", "1"); // as the triage before incidents wrote it
        }
        byte[] before = Files.readAllBytes(file);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedState.open(stateDir));

        assertTrue(e.getMessage().contains("has layout version 1 (results per case, from before incidents)"), e.getMessage());
        assertTrue(e.getMessage().contains("--state-dir DIR or TRIAGE_HOME=DIR"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused open changed nothing in the file");
    }

    @Test
    void enumConstantsAppendedSinceAreAccepted() {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(List.of(ContractData.staff("MP1")));
        }
        try (MVStore raw = MVStore.open(stateDir.resolve("triage.mv.db").toString())) {
            raw.<String, String>openMap("triage.meta").put("enum.VettingLevel", "RV,MV"); // older, shorter list
        }
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            assertEquals(ContractData.staff("MP1"), state.staffDirectory().findAll(List.of("MP1")).get("MP1"));
        }
    }

    private static EmbeddedState openAfterFixing(Path stateDir) {
        try (MVStore raw = MVStore.open(stateDir.resolve("triage.mv.db").toString())) {
            raw.<String, String>openMap("triage.meta").remove("enum.VettingLevel");
        }
        return EmbeddedState.open(stateDir);
    }

    private record ProbeOutcome(int exitCode, String output) {
    }

    /** Opens the state dir from a separate JVM, as a second triage process would. */
    private static ProbeOutcome probe(Path stateDir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StateDirProbe.class.getName(), stateDir.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        return new ProbeOutcome(process.exitValue(), output);
    }
}
