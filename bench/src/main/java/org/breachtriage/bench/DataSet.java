package org.breachtriage.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.breachtriage.core.synthetic.ManifestOptions;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.core.synthetic.SyntheticData;

/**
 * The generated roster and manifests, written once and reused: the same generator and options as
 * {@code triage generate}, so a manifest here is byte-for-byte what the CLI writes for the same
 * people, rows, seed and invalid fraction. Each file is written under a temporary name and renamed
 * when complete, so an interrupted generation is redone rather than reused half-written.
 */
record DataSet(Path dir, int people, long seed, double invalidFraction) {

    static DataSet in(Path outDir, int people, long seed, double invalidFraction) {
        String name = "data-p" + people + "-s" + seed + "-i" + invalidFraction;
        return new DataSet(outDir.resolve(name), people, seed, invalidFraction);
    }

    Path roster() {
        return dir.resolve("roster.csv");
    }

    Path manifest(int rows) {
        return dir.resolve("manifest-" + rows + ".csv");
    }

    /** @return the files written now (empty when everything was already there) */
    List<Path> ensure(List<Integer> manifestRows) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new java.util.ArrayList<>();
        if (!Files.isRegularFile(roster())) {
            writeAtomically(roster(), w -> SyntheticData.writeRoster(w, people, seed));
            written.add(roster());
        }
        ManifestOptions options = ManifestOptions.defaults().withInvalidFraction(invalidFraction);
        for (int rows : manifestRows) {
            Path manifest = manifest(rows);
            if (!Files.isRegularFile(manifest)) {
                writeAtomically(manifest, w -> SyntheticData.writeManifest(w, people, rows, seed, options));
                written.add(manifest);
            }
            Path sidecar = manifest.resolveSibling(manifest.getFileName() + ".incident.json");
            if (!Files.isRegularFile(sidecar)) {
                writeAtomically(sidecar, w -> SyntheticData.writeIncidentSidecar(w, SampleEvents.MET_INCIDENT));
                written.add(sidecar);
            }
        }
        return written;
    }

    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
