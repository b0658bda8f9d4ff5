package org.breachtriage.core.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;

/**
 * The bundled sample data, read from the repository's {@code events/} folder: the files
 * {@code SampleEvents} (in samples/) writes and {@code SampleEventsTest} keeps byte-identical to it,
 * so core's tests can use them without depending on the generator.
 */
public final class SampleFiles {
    public static final String ROSTER = "staff/roster.csv";
    public static final String MET_ID_CARD = "manifests/met-idcard-2023.csv";
    public static final String MET_ID_CARD_LATER = "manifests/met-idcard-2023-found-later.csv";
    public static final String LANYARD = "manifests/lanyard-print.jsonl";
    public static final String VETTING_PORTAL = "manifests/vetting-portal.json";
    public static final String WITH_ERRORS = "manifests/with-errors.csv";
    public static final String SIDECAR_SUFFIX = ".incident.json";

    private static Map<String, StaffMember> roster;

    private SampleFiles() {
    }

    /** {@code events/}: from {@code -Dtriage.repo.root}, else the first folder above the working directory that has it. */
    public static Path events() {
        String configured = System.getProperty("triage.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize().resolve("events");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md")) && Files.isDirectory(dir.resolve("events/manifests"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath()
                + "; set -Dtriage.repo.root to the repository's root");
    }

    public static Path file(String relative) {
        Path file = events().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing sample file " + file);
        }
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roster as {@code triage staff import} reads it (name rarity computed over all of it), by pay number. */
    public static synchronized Map<String, StaffMember> roster() {
        if (roster == null) {
            try {
                RosterImport read = new RosterReader().read(file(ROSTER));
                if (read.hasErrors()) {
                    throw new IllegalStateException("the sample roster has errors: " + read.errors());
                }
                Map<String, StaffMember> byPayNumber = new LinkedHashMap<>();
                read.members().forEach(m -> byPayNumber.put(m.payNumber(), m));
                roster = Collections.unmodifiableMap(byPayNumber);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return roster;
    }

    /** A manifest as a reader hands it over: the accepted rows in file order, the rejects, the reader's counts. */
    public record Read(List<ManifestRow> accepted, List<RowRejection> rejected, IncidentMetadata envelopeIncident,
                       ManifestReader.ReadSummary summary) {
    }

    /** One of the sample manifests, read. */
    public static Read read(String manifest) {
        try (InputStream in = Files.newInputStream(file(manifest))) {
            return read(manifest, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any manifest, read by the reader its name calls for, kept whole (for test-sized manifests only). */
    public static Read read(String name, InputStream in) throws IOException {
        List<ManifestRow> accepted = new ArrayList<>();
        List<RowRejection> rejected = new ArrayList<>();
        IncidentMetadata[] envelope = new IncidentMetadata[1];
        ManifestReader.ReadSummary summary = ManifestReaders.forName(name).read(name, in, new ManifestVisitor() {
            @Override
            public void incident(IncidentMetadata incident) {
                envelope[0] = incident;
            }

            @Override
            public void accepted(ManifestRow row) {
                accepted.add(row);
            }

            @Override
            public void rejected(RowRejection rejection) {
                rejected.add(rejection);
            }
        });
        return new Read(List.copyOf(accepted), List.copyOf(rejected), envelope[0], summary);
    }
}
