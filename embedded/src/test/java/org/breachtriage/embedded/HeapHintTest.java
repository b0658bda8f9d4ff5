package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.model.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap bin/triage gives a command, as the state dir's staff table decides it (bin/heap-bound reads it). */
class HeapHintTest {
    @TempDir
    Path tmp;

    @Test
    void theBoundGrowsWithTheRosterFromAFloorAndAlwaysLeavesARunItsPageCache() {
        assertEquals(384, HeapHint.heapMbFor(0), "an empty staff table");
        assertEquals(416, HeapHint.heapMbFor(50_000), "Met scale");
        assertEquals(512, HeapHint.heapMbFor(250_000), "the benchmark's roster: the heap its in-JVM figures use");
        assertEquals(896, HeapHint.heapMbFor(1_000_000));
        long previous = 0;
        for (long staff = 0; staff <= 4_000_000; staff += 12_345) {
            long heap = HeapHint.heapMbFor(staff);
            assertEquals(0, heap % 32, staff + " staff: " + heap);
            assertTrue(heap >= previous, "never less for more staff: " + staff);
            assertTrue(EmbeddedState.cacheMbLeftBeside(heap, staff, EmbeddedState.Tuning.DEFAULT.cacheSizeMb())
                    >= HeapHint.RUN_CACHE_MB, staff + " staff at " + heap + " MB leave the run its page cache");
            previous = heap;
        }
    }

    @Test
    void aCleanCloseWritesTheBoundForTheStaffTableAsItThenIs() throws IOException {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            assertEquals(Optional.empty(), HeapHint.read(stateDir), "nothing before the first close");
        }
        assertEquals(Optional.of("384m"), HeapHint.read(stateDir), "no staff yet");

        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(staff(60_000));
        }
        assertEquals(Optional.of(HeapHint.heapMbFor(60_000) + "m"), HeapHint.read(stateDir));
        assertTrue(Files.readString(stateDir.resolve(HeapHint.FILE)).contains("60000 staff"),
                "a person reading the state dir learns what the file is for");
        try (var files = Files.list(stateDir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".new")), "nothing left aside");
        }
    }

    @Test
    void aDamagedHintIsNotTakenAndIsRewrittenAtTheNextClose() throws IOException {
        Path stateDir = tmp.resolve("state");
        Files.createDirectories(stateDir);
        for (String damaged : List.of("", "512", "512 m", "-Xmx512m", "99999999m", "lots")) {
            Files.writeString(stateDir.resolve(HeapHint.FILE), damaged + "\n");
            assertEquals(Optional.empty(), HeapHint.read(stateDir), "'" + damaged + "'");
        }
        // Well-formed but far too small (bin/heap-bound refuses it), and bytes that are no text at all.
        for (byte[] damaged : List.of("1m\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'})) {
            Files.write(stateDir.resolve(HeapHint.FILE), damaged);
            try (EmbeddedState state = EmbeddedState.open(stateDir)) {
                state.staffDirectory().putAll(staff(10));
            }
            assertEquals(Optional.of("384m"), HeapHint.read(stateDir), "rewritten at the close");
        }
    }

    @Test
    void aStateDirWhereTheHintCannotBeWrittenStillClosesCleanlyAndLeavesNothingAside() throws IOException {
        Path stateDir = tmp.resolve("state");
        // A directory with something in it where the file would go: the rename fails, as on a full disk.
        Files.createDirectories(stateDir.resolve(HeapHint.FILE).resolve("in-the-way"));
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.staffDirectory().putAll(staff(10));
        }
        assertFalse(Files.exists(stateDir.resolve(HeapHint.FILE + ".new")), "the file written aside is gone");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            assertEquals(10, state.staffDirectory().count(), "the store closed and reopens as written");
        }
    }

    private static List<StaffMember> staff(int count) {
        List<StaffMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(ContractData.staff("MP" + i));
        }
        return members;
    }
}
