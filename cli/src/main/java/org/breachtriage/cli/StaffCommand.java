package org.breachtriage.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "staff", description = "Manage the staff table that manifests are matched against.",
        mixinStandardHelpOptions = true, subcommands = StaffCommand.Import.class)
final class StaffCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'triage staff import <roster.csv>'.");
    }

    @Command(name = "import",
            description = {"Import a staff roster (CSV or JSON Lines) into the staff table; people already there are replaced.",
                "Name rarity is computed here, from how many people share the surname and the full name.",
                "All or nothing: if any row is invalid, nothing is imported and every bad row is listed (exit 3).",
                "Then it says what the table costs a run's memory: the heap its lookup snapshot takes (measured), and the"
                        + " heap bin/triage gives commands on this state dir (TRIAGE_HEAP sets another)."},
            mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        private static final int ERRORS_SHOWN = 50;

        @Parameters(paramLabel = "ROSTER", description = "A .csv or .jsonl roster, with the columns the README lists.")
        Path roster;

        @Mixin
        OutputOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            InputFiles.requireReadableFile(roster, "roster");
            RosterImport imported = new RosterReader().read(roster);
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            if (imported.hasErrors()) {
                int shown = 0;
                for (RowRejection error : imported.errors()) {
                    if (shown++ == ERRORS_SHOWN) {
                        err.printf("  … and %,d more%n", imported.errors().size() - ERRORS_SHOWN);
                        break;
                    }
                    err.println("  " + error.describe());
                }
                throw new InvalidInputException(roster + ": " + imported.errors().size() + " invalid rows of "
                        + imported.rowsRead() + "; nothing was imported");
            }
            try (Backend backend = Backend.open()) {
                backend.importStaff(imported.members());
                Map<NameRarity, Long> rarity = new EnumMap<>(NameRarity.class);
                for (StaffMember m : imported.members()) {
                    rarity.merge(m.nameRarity(), 1L, Long::sum);
                }
                int count = imported.members().size();
                // The roster's members can go before the table's snapshot is loaded to be measured: both at once
                // would be twice the roster in the import's heap.
                imported = null;
                // What the table will cost a run, so that whoever imports a big roster knows the heap it asks for.
                var footprint = backend.staffFootprint();
                if (output.format == OutputFormat.json) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("imported", count);
                    json.put("into", backend.where());
                    json.put("nameRarity", rarity);
                    footprint.ifPresent(f -> {
                        Map<String, Object> memory = new LinkedHashMap<>();
                        memory.put("staffTable", f.people());
                        memory.put("snapshotBytes", f.snapshotBytes());
                        memory.put("heapMb", f.runHeapMb());
                        json.put("runMemory", memory);
                    });
                    out.println(Json.pretty(json));
                } else {
                    out.printf("Imported %,d people from %s into %s.%n", count, roster,
                            backend.where());
                    out.printf("Name rarity: %s%n", rarity);
                    footprint.ifPresent(f -> out.printf("Run memory: a run holds the staff table's %,d people in %s of"
                            + " heap (measured); bin/triage gives commands on this state dir a %d MB heap (TRIAGE_HEAP"
                            + " sets another)%n", f.people(), megabytes(f.snapshotBytes()), f.runHeapMb()));
                }
            }
            return ExitCodes.OK;
        }

        /** Whole megabytes, or one decimal under ten, so that a small roster does not read as nothing. */
        static String megabytes(long bytes) {
            double mb = bytes / (1024.0 * 1024.0);
            return mb < 10 ? String.format("%.1f MB", mb) : String.format("%,d MB", Math.round(mb));
        }
    }
}
