package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breachtriage.cli.Cli.Result;
import org.breachtriage.cli.IncidentSteps.Outcome;
import org.breachtriage.cli.IncidentSteps.Step;
import org.breachtriage.embedded.EmbeddedState;
import org.breachtriage.embedded.MvStorePersonStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of a child {@code triage run} or {@code triage release} at several moments, then the
 * same commands again: every person ends told exactly as by a run that never crashed, no notice or
 * alert is on its topic twice, the store's record of what went out matches the topic file line for
 * line, and the counters balance ({@link IncidentSteps#assertSameAsClean}). Prints one table row per
 * scenario: duplicates and losses, both 0. On two data sets: the workforce's (staff, most notices released
 * automatically, then two approvers' releases), and an incident of victims and witnesses only, under DPA 2018
 * Part 3, whose every notice waits for an approver (s.68(7)), so the kills land in approved releases.
 *
 * <p>And a disk that fills: the state directory on a small tmpfs (mounted in a user and mount
 * namespace of its own, {@code unshare -Urm}, so no privilege is needed), the run ends with one clear
 * line within seconds, and after the filesystem is grown the same command resumes to the same outcome.
 *
 * <p>The moments are seen from outside, through the files the child writes (its alerts, the store
 * file growing, notice lines), so no hook is built into triage; where a kill lands exactly varies a
 * little from run to run, which is the point.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashResumeTest {
    private static final int PEOPLE = 3_000;
    private static final int SLOTS_KEPT = 300;

    @TempDir
    static Path tmp;
    private DataSet workforce;
    private DataSet partThree;
    private DataSet using; // the data set of the scenario running, which the moments measure against
    private Path current;
    private int scenarios;

    /**
     * One data set and its run that met no fault, which every crash scenario on it is compared with: what the
     * topics held after each step and how big the store file grew, for the moments to aim at.
     */
    private final class DataSet {
        final IncidentSteps steps;
        final Path imported; // the state dir each scenario starts from a copy of: the staff imported, or nothing
        final Map<Step, Long> noticeBytes = new EnumMap<>(Step.class);
        Outcome reference;
        long storeBytes;
        long pagesAfterRun;

        DataSet(String name, Path manifest, Path imported) throws IOException {
            this.steps = new IncidentSteps(manifest);
            this.imported = imported;
            Path clean = copyOf(this, name + "-reference");
            for (Step step : Step.values()) {
                steps.complete(clean, step);
                noticeBytes.put(step, size(clean.resolve("topics/notices.jsonl")));
                if (step == Step.RUN) {
                    storeBytes = size(clean.resolve(EmbeddedState.STORE_FILE));
                    pagesAfterRun = SmallDisk.pages(clean);
                }
            }
            reference = IncidentSteps.outcome(clean);
            assertTrue(reference.noticeIds().size() > 1_000, "the data set must give the kills room");
        }
    }

    @BeforeAll
    void importStaffAndRunOnceWithoutACrash() throws IOException {
        Path generated = tmp.resolve("generated");
        Result generate = new Cli(tmp.resolve("unused")).run("generate", "--people", String.valueOf(PEOPLE),
                "--manifest-rows", String.valueOf(PEOPLE), "--out", generated.toString());
        assertEquals(0, generate.exit(), generate.err());
        Path imported = tmp.resolve("imported");
        Result staff = new Cli(imported).run("staff", "import", generated.resolve("roster.csv").toString());
        assertEquals(0, staff.exit(), staff.err());
        workforce = new DataSet("workforce", generated.resolve("manifest.csv"), imported);
        partThree = new DataSet("part3", partThreeManifest(tmp.resolve("part3")), null);
    }

    /**
     * Victims and witnesses only (the Norfolk & Suffolk shape, at 3,000 people): the incident is DPA 2018 Part 3,
     * so every notice waits for an approver (s.68(7)). The run tells nobody, the first release sends the MEDIUM and
     * HIGH notices (one approver), the second the VERY_HIGH ones (two): the kills land in the approved releases.
     */
    private static Path partThreeManifest(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(5);
        List<String> fields = List.of("name", "home_address", "date_of_birth", "phone", "email", "health",
                "criminal_offence", "location");
        List<String> channels = List.of("", "LETTER", "PHONE", "IN_PERSON", "EMAIL");
        StringBuilder csv = new StringBuilder("subject_type,subject_ref,forename,surname,exposed_fields,contact_channel\n");
        for (int i = 0; i < PEOPLE; i++) {
            String type = random.nextInt(3) == 0 ? "WITNESS" : "VICTIM";
            Set<String> exposed = new TreeSet<>(List.of("name"));
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                exposed.add(fields.get(random.nextInt(fields.size())));
            }
            csv.append(type).append(',').append(type.charAt(0)).append(String.format("-%05d", i)).append(",Fore")
                    .append(i).append(",Sur").append(i).append(',').append(String.join(";", exposed)).append(',')
                    .append(channels.get(random.nextInt(channels.size()))).append('\n');
        }
        Path manifest = Files.writeString(dir.resolve("victims.csv"), csv);
        Files.writeString(dir.resolve("victims.csv.incident.json"), Files.readString(
                Path.of("..", "events", "part3", "norfolk-suffolk-2021.csv.incident.json")).replace("NSC-2021-FOI-SYNTH", "P3-CRASH"));
        return manifest;
    }

    /** A kill: the step it interrupts and the moment, as a fraction of what the clean run wrote. */
    record Kill(String name, Step step, Function<CrashResumeTest, ChildTriage.Moment> moment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<List<Kill>> kills() {
        return Stream.of(
                List.of(new Kill("run: the case just opened", Step.RUN, t -> t.alertSeen("case.opened"))),
                List.of(new Kill("run: scoring, store file half grown", Step.RUN, t -> t.storeGrown(0.5))),
                List.of(new Kill("run: 10% of the automatic notices out", Step.RUN, t -> t.noticesOut(Step.RUN, 0.1)),
                        new Kill("first release: 30% of HIGH out", Step.FIRST_RELEASE,
                                t -> t.noticesOut(Step.FIRST_RELEASE, 0.3))),
                List.of(new Kill("run: 90% of the automatic notices out", Step.RUN, t -> t.noticesOut(Step.RUN, 0.9)),
                        new Kill("second release: 60% of VERY_HIGH out", Step.SECOND_RELEASE,
                                t -> t.noticesOut(Step.SECOND_RELEASE, 0.6))),
                List.of(new Kill("run: reporting (case.scored alert out)", Step.RUN, t -> t.alertSeen("case.scored"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kills")
    void aKilledRunResumedTellsEveryoneExactlyOnce(List<Kill> kills) throws Exception {
        killAndResume(workforce, kills);
    }

    static Stream<List<Kill>> partThreeKills() {
        return Stream.of(
                List.of(new Kill("Part 3 run: scoring, store file half grown", Step.RUN, t -> t.storeGrown(0.5))),
                List.of(new Kill("Part 3 first release (one approver): 30% out", Step.FIRST_RELEASE,
                                t -> t.noticesOut(Step.FIRST_RELEASE, 0.3)),
                        new Kill("second release (two approvers): 60% of VERY_HIGH out", Step.SECOND_RELEASE,
                                t -> t.noticesOut(Step.SECOND_RELEASE, 0.6))),
                List.of(new Kill("Part 3 first release (one approver): 90% out", Step.FIRST_RELEASE,
                        t -> t.noticesOut(Step.FIRST_RELEASE, 0.9))));
    }

    /** The same kills on an incident of victims and witnesses, whose notices go out only once approved (s.68(7)). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("partThreeKills")
    void aKilledPartThreeReleaseResumedTellsEveryApprovedPersonExactlyOnce(List<Kill> kills) throws Exception {
        killAndResume(partThree, kills);
    }

    static Stream<List<Kill>> fullSlotMapKills() {
        return Stream.of(
                List.of(new Kill("slot map full: run: scoring, store file half grown", Step.RUN, t -> t.storeGrown(0.5))),
                List.of(new Kill("slot map full: run: 10% of the automatic notices out", Step.RUN,
                                t -> t.noticesOut(Step.RUN, 0.1)),
                        new Kill("first release: 30% of HIGH out", Step.FIRST_RELEASE,
                                t -> t.noticesOut(Step.FIRST_RELEASE, 0.3))));
    }

    /**
     * The same kills with the person store keeping only {@value #SLOTS_KEPT} of the 3,000 people's slots in the
     * heap, in the killed child and in the commands that resume it: the run fills the map a tenth of the way in,
     * and from then on looks people up in the index (as a run over a small roster does whose incident names far
     * more people than it holds). The kill lands with the map full, and the resumed run meets the dead run's
     * records and index entries with its own map full too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fullSlotMapKills")
    void aKilledRunWithItsSlotMapFullResumedTellsEveryoneExactlyOnce(List<Kill> kills) throws Exception {
        String property = MvStorePersonStore.SLOTS_KEPT_PROPERTY;
        System.setProperty(property, String.valueOf(SLOTS_KEPT)); // for the resuming commands, run in this JVM
        try {
            killAndResume(workforce, kills, Map.of(property, String.valueOf(SLOTS_KEPT)));
        } finally {
            System.clearProperty(property);
        }
    }

    private void killAndResume(DataSet dataSet, List<Kill> kills) throws Exception {
        killAndResume(dataSet, kills, Map.of());
    }

    private void killAndResume(DataSet dataSet, List<Kill> kills, Map<String, String> childProperties) throws Exception {
        using = dataSet;
        current = copyOf(dataSet, "crash-" + scenarios++);
        Map<Step, Kill> killAt = kills.stream().collect(Collectors.toMap(Kill::step, k -> k));
        for (Step step : Step.values()) {
            Kill kill = killAt.get(step);
            if (kill != null) {
                new ChildTriage(current, tmp.resolve("logs-" + current.getFileName() + "-" + step), childProperties)
                        .killAt(kill.moment().apply(this), dataSet.steps.args(current, step));
            }
            Result again = dataSet.steps.complete(current, step); // the operator runs the same command again
            if (kill != null && step == Step.RUN) {
                assertTrue(again.err().contains("triage: note: the last command on " + current + " did not finish"),
                        "the re-run says it carries on after a crash: " + again.err());
            }
        }
        Outcome after = IncidentSteps.outcome(current);
        System.out.printf("crash-resume: | %s | %d | %d |%n", kills.stream().map(Kill::name)
                .collect(Collectors.joining("; then ")), after.duplicates(), after.lostAgainst(dataSet.reference).size());
        IncidentSteps.assertSameAsClean(dataSet.reference, after);
    }

    /** A tmpfs too small for the run, in bytes as tmpfs counts them (whole pages per file). */
    record FullDisk(String name, Function<CrashResumeTest, Long> bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<FullDisk> fullDisks() {
        return Stream.of(
                new FullDisk("the store's disk fills while scoring", t -> t.importedPages() + 256 * 1024),
                new FullDisk("the disk fills while letters and notices are written", t -> t.workforce.pagesAfterRun / 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullDisks")
    void aFullDiskEndsTheRunWithOneClearLineAndTheRerunResumes(FullDisk disk) throws Exception {
        using = workforce;
        Path out = tmp.resolve("full-" + scenarios++);
        SmallDisk.Result first = SmallDisk.runThenGrow(tmp.resolve("mnt-" + scenarios), disk.bytes().apply(this),
                workforce.imported.resolve(EmbeddedState.STORE_FILE), out, workforce.steps.args(out, Step.RUN));
        List<String> errLines = first.firstErr().lines().toList();
        assertEquals(1, first.firstExit(), "the run that hit the full disk fails: " + errLines);
        assertEquals(1, errLines.size(), "one line, no stack trace: " + errLines);
        assertTrue(errLines.get(0).startsWith("triage: error: the disk is full (No space left on device) writing to the"
                + " state directory "), errLines.get(0));
        assertTrue(first.firstSeconds() < 10, "the failing run took " + first.firstSeconds() + " s in all");
        assertEquals(0, first.resumeExit(), "after space returns the same command resumes: " + first.resumeErr());
        Path state = first.state();
        assertTrue(Files.readString(state.resolve("topics/notices.jsonl")).endsWith("\n"), "no torn last line");
        workforce.steps.complete(state, Step.FIRST_RELEASE);
        workforce.steps.complete(state, Step.SECOND_RELEASE);
        Outcome after = IncidentSteps.outcome(state);
        System.out.printf("disk-full: | %s (%,d KiB tmpfs) | failed after %.1f s in all, %s | %d | %d |%n",
                disk.name(), disk.bytes().apply(this) / 1024, first.firstSeconds(),
                Double.isNaN(first.secondsAfterFull()) ? "df never showed it full (the failing write was larger)"
                        : String.format("%.2f s after df showed it full", first.secondsAfterFull()), after.duplicates(),
                after.lostAgainst(workforce.reference).size());
        IncidentSteps.assertSameAsClean(workforce.reference, after);
    }

    private long importedPages() {
        return SmallDisk.pages(workforce.imported);
    }

    private ChildTriage.Moment alertSeen(String eventType) {
        Path alerts = current.resolve("topics/alerts.jsonl");
        return moment("alert " + eventType, () -> Files.exists(alerts) && Files.readString(alerts)
                .contains("\"eventType\":\"" + eventType + "\""));
    }

    private ChildTriage.Moment storeGrown(double fraction) {
        long from = using.imported == null ? 0 : size(using.imported.resolve(EmbeddedState.STORE_FILE));
        Path file = current.resolve(EmbeddedState.STORE_FILE);
        return moment("store file " + fraction + " of the way",
                () -> size(file) >= from + (long) ((using.storeBytes - from) * fraction));
    }

    private ChildTriage.Moment noticesOut(Step step, double fraction) {
        long from = step == Step.RUN ? 0 : using.noticeBytes.get(Step.values()[step.ordinal() - 1]);
        long to = using.noticeBytes.get(step);
        Path file = current.resolve("topics/notices.jsonl");
        return moment(fraction + " of " + step + "'s notices",
                () -> size(file) >= from + Math.max(1, (long) ((to - from) * fraction)));
    }

    private interface Check {
        boolean test() throws IOException;
    }

    private static ChildTriage.Moment moment(String name, Check check) {
        return new ChildTriage.Moment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean reached() throws IOException {
                return check.test();
            }
        };
    }

    /** A new state dir for a scenario: a copy of the data set's starting state (nothing, for one without staff). */
    private static Path copyOf(DataSet dataSet, String name) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        if (dataSet.imported != null) {
            Files.copy(dataSet.imported.resolve(EmbeddedState.STORE_FILE), copy.resolve(EmbeddedState.STORE_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
