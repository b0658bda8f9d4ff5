package org.breachtriage.bench;

import java.util.List;

/**
 * Everything one scenario JVM measured, written as JSON so that a last, tiny JVM can put the
 * scenarios side by side in one table.
 *
 * @param order      the order the phases ran in, e.g. "parse, run, parse, run, parse"
 * @param floors     the run's work on in-memory maps with no topic files (see FloorRun)
 * @param sha256Pass one timed pass hashing the manifest, as the folder object store does to derive
 *                   the case id: part of every run, never of the parse
 */
record ScenarioResult(
        String manifest,
        long manifestBytes,
        int rosterPeople,
        Environment environment,
        String order,
        List<Phase> parses,
        List<Phase> imports,
        List<Phase> runs,
        List<Phase> floors,
        Phase sha256Pass,
        ParseOnly.Counts parsed,
        Expected expected,
        List<FullRun.Outcome> outcomes,
        List<List<Accounting.Check>> checks,
        String profile) {

    record Environment(String java, String vm, String collectors, long maxHeapBytes, int processors,
                       List<String> jvmArguments, String osLoadAtStart) {
    }

    boolean allChecksPass() {
        return checks.stream().flatMap(List::stream).allMatch(Accounting.Check::ok);
    }
}
