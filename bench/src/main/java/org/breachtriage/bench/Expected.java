package org.breachtriage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;

/**
 * What a correct run must report, worked out independently of the pipeline (untimed, after the
 * measurements): distinct accepted pay numbers are the persons, those on the roster are matched,
 * and each rejected row number is one rejected row.
 */
record Expected(long rowsRead, long rowsAccepted, long rowsRejected, long persons, long matched, long unmatched) {

    static Expected compute(Path roster, Path manifest) throws IOException {
        RosterImport imported = new RosterReader().read(roster);
        if (imported.hasErrors()) {
            throw new IllegalStateException(roster + ": generated roster has " + imported.errors().size()
                    + " invalid rows, first: " + imported.errors().getFirst().describe());
        }
        Set<String> onRoster = new HashSet<>(imported.members().size() * 2);
        for (StaffMember member : imported.members()) {
            onRoster.add(member.payNumber());
        }
        imported = null; // the roster list is the big part; only the pay numbers are needed from here

        Set<String> persons = new HashSet<>();
        Set<Long> rejectedRows = new TreeSet<>();
        long[] accepted = {0};
        String key = manifest.getFileName().toString();
        ManifestReader.ReadSummary summary;
        try (InputStream in = Files.newInputStream(manifest)) {
            summary = ManifestReaders.forName(key).read(key, in, new ManifestVisitor() {
                @Override
                public void accepted(ManifestRow row) {
                    accepted[0]++;
                    persons.add(row.payNumber());
                }

                @Override
                public void rejected(RowRejection rejection) {
                    rejectedRows.add(rejection.rowNumber());
                }
            });
        }
        long matched = persons.stream().filter(onRoster::contains).count();
        if (summary.rowsRejected() != rejectedRows.size()) {
            throw new IllegalStateException("reader reported " + summary.rowsRejected() + " rejected rows but "
                    + rejectedRows.size() + " distinct row numbers were rejected");
        }
        return new Expected(summary.rowsRead(), accepted[0], rejectedRows.size(), persons.size(), matched,
                persons.size() - matched);
    }
}
