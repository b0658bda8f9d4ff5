package org.breachtriage.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.synthetic.SampleEvents.DeliberateRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample data under events/ is exactly what the generator writes, and says what README says. */
class SampleEventsTest {
    private static final long ONE_MEGABYTE = 1 << 20;

    private static Path events;

    @BeforeAll
    static void findEvents() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                events = dir.resolve("events");
                return;
            }
        }
        fail("no events/README.md above " + Path.of("").toAbsolutePath() + ": the sample data is part of the repo");
    }

    @Test
    void committedFilesAreByteForByteWhatTheGeneratorWrites(@TempDir Path fresh) throws IOException {
        List<Path> written = SampleEvents.writeAll(fresh);
        assertEquals(SampleEvents.fileNames().size(), written.size());
        for (String name : SampleEvents.fileNames()) {
            Path committed = events.resolve(name);
            assertTrue(Files.isRegularFile(committed), "missing " + committed + "; regenerate (events/README.md)");
            assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), Files.readAllBytes(committed),
                    name + " differs from the generator's output; regenerate it as events/README.md says");
        }
    }

    @Test
    void sampleFilesStayWellUnderAMegabyte() throws IOException {
        for (String name : SampleEvents.fileNames()) {
            long size = Files.size(events.resolve(name));
            assertTrue(size < ONE_MEGABYTE / 2, name + " is " + size + " bytes");
        }
    }

    @Test
    void rosterCoversEveryStaffTypeSensitiveRoleAndRareNames() throws IOException {
        List<Map<String, String>> roster = Generated.rows(read(SampleEvents.ROSTER));
        assertEquals(SampleEvents.ROSTER_PEOPLE, roster.size());
        Set<String> types = new HashSet<>();
        Set<String> flags = new HashSet<>();
        Set<String> forces = new HashSet<>();
        Map<String, Integer> surnames = new HashMap<>();
        for (Map<String, String> person : roster) {
            types.add(person.get("staff_type"));
            if (!person.get("role_flags").isEmpty()) {
                flags.addAll(List.of(person.get("role_flags").split(";")));
            }
            forces.add(person.get("force"));
            surnames.merge(person.get("surname"), 1, Integer::sum);
        }
        for (StaffType type : StaffType.values()) {
            assertTrue(types.contains(type.name()), "no " + type);
        }
        for (RoleFlag flag : RoleFlag.values()) {
            assertTrue(flags.contains(flag.name()), "no " + flag);
        }
        // The committed roster is fixed (and byte-checked above), so its figures are exact.
        assertEquals(Set.of("Metropolitan Police Service", "City of London Police", "British Transport Police",
                "Surrey Police", "Thames Valley Police"), forces, "a few secondees from other forces");
        assertEquals(176, surnames.values().stream().filter(n -> n == 1).count(), "surnames held by one person");
        assertEquals(69, surnames.get("Smith"), "the commonest surname");
        assertEquals(69, surnames.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void manifestsHaveTheirDocumentedSizesAndMatchTheRoster() throws IOException {
        Set<String> roster = new HashSet<>();
        Generated.rows(read(SampleEvents.ROSTER)).forEach(p -> roster.add(p.get("pay_number")));

        List<Map<String, String>> met = Generated.rows(read(SampleEvents.MET_ID_CARD));
        assertEquals(SampleEvents.MET_ID_CARD_ROWS, met.size());
        long metMatched = met.stream().filter(r -> roster.contains(r.get("pay_number"))).count();
        assertEquals(2_475, metMatched, "all but the 25 rows naming pay numbers past the roster (MP003001 to MP003025)");

        List<String> lanyard = read(SampleEvents.LANYARD).lines().toList();
        assertEquals(SampleEvents.LANYARD_ROWS, lanyard.size());
        lanyard.forEach(line -> assertTrue(Generated.json(line).isObject(), line));

        JsonNode portal = Generated.json(read(SampleEvents.VETTING_PORTAL));
        assertEquals(SampleEvents.VETTING_PORTAL_ROWS, portal.get("records").size());
        assertEquals("INC-2024-0907", portal.get("incident").get("reference").textValue());
    }

    @Test
    void sidecarsSayWhatTheBriefSays() throws IOException {
        JsonNode met = Generated.json(read(SampleEvents.MET_ID_CARD + SampleEvents.SIDECAR_SUFFIX));
        assertEquals(Generated.json("""
                {"supplier":"Acme ID Cards Ltd (synthetic)","reference":"INC-2023-0826","awareAt":"2023-08-24T09:00:00Z",
                 "malicious":true,"confidentiality":"UNKNOWN_RECIPIENTS","integrity":"NONE","availability":"NONE",
                 "defaultExposedFields":["name","rank","photo","vetting_level","pay_number"]}"""), met);
        JsonNode lanyard = Generated.json(read(SampleEvents.LANYARD + SampleEvents.SIDECAR_SUFFIX));
        assertEquals("KNOWN_RECIPIENTS", lanyard.get("confidentiality").textValue());
        assertFalse(lanyard.get("malicious").booleanValue());
        assertTrue(Files.isRegularFile(events.resolve(SampleEvents.WITH_ERRORS + SampleEvents.SIDECAR_SUFFIX)));
    }

    @Test
    void withErrorsHasEachDeliberateProblemAtItsDocumentedRow() throws IOException {
        List<Map<String, String>> rows = Generated.rows(read(SampleEvents.WITH_ERRORS));
        assertEquals(SampleEvents.WITH_ERRORS_ROWS, rows.size());
        Set<Integer> deliberate = new HashSet<>();
        for (DeliberateRow planted : SampleEvents.DELIBERATE_ROWS) {
            deliberate.add(planted.rowNumber());
            Map<String, String> row = rows.get(planted.rowNumber() - 1);
            String pay = row.get("pay_number");
            switch (planted.problem()) {
                case BLANK_PAY_NUMBER -> assertEquals("", pay);
                case TOO_LONG_PAY_NUMBER -> {
                    assertEquals(33, pay.length());
                    assertTrue(pay.matches("[A-Za-z0-9-]+"), "too long is its only fault: " + pay);
                }
                case MALFORMED_PAY_NUMBER -> assertEquals("MP#12", pay);
                case UNKNOWN_CATEGORY -> assertTrue(List.of(row.get("exposed_fields").split(";")).contains("shoe_size"));
                case QUOTED_COMMA -> {
                    assertTrue(row.get("surname").contains(", "), row.get("surname"));
                    assertTrue(rawLine(planted.rowNumber()).contains("\"" + row.get("surname") + "\""));
                }
                case DUPLICATE -> {
                    Map<String, String> original = rows.get(SampleEvents.DUPLICATED_ROW - 1);
                    assertEquals(original.get("pay_number"), pay);
                    assertFalse(original.get("exposed_fields").equals(row.get("exposed_fields")));
                }
                case UNMATCHED -> assertEquals("MP009999", pay);
                case DEFAULT_FIELDS -> assertEquals("", row.get("exposed_fields"));
            }
        }
        Set<String> pays = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (deliberate.contains(i + 1)) {
                continue;
            }
            Map<String, String> row = rows.get(i);
            assertTrue(Generated.VALID_PAY_NUMBER.matcher(row.get("pay_number")).matches(), "row " + (i + 1));
            assertTrue(pays.add(row.get("pay_number")), "row " + (i + 1) + " repeats a pay number by accident");
            assertTrue(Integer.parseInt(row.get("pay_number").substring(2)) <= SampleEvents.ROSTER_PEOPLE);
        }
    }

    @Test
    void readmeDocumentsEachDeliberateRowAndTheRegenerateCommand() throws IOException {
        String readme = Files.readString(events.resolve("README.md"), StandardCharsets.UTF_8);
        List<Map<String, String>> rows = Generated.rows(read(SampleEvents.WITH_ERRORS));
        List<String> missing = new ArrayList<>();
        for (DeliberateRow planted : SampleEvents.DELIBERATE_ROWS) {
            String tableRow = "| " + planted.rowNumber() + " | " + (planted.rowNumber() + 1) + " | ";
            Optional<String> line = readme.lines().filter(l -> l.startsWith(tableRow)).findFirst();
            Map<String, String> row = rows.get(planted.rowNumber() - 1);
            // The concrete value README quotes for the row, so the table cannot go stale unnoticed.
            String quoted = switch (planted.problem()) {
                case UNKNOWN_CATEGORY -> row.get("exposed_fields");
                case QUOTED_COMMA -> row.get("surname");
                case BLANK_PAY_NUMBER, DEFAULT_FIELDS -> "";
                default -> row.get("pay_number");
            };
            if (line.isEmpty() || !line.get().contains(quoted)
                    || line.get().contains("**rejected**") != planted.rejected()) {
                missing.add(tableRow + quoted + (planted.rejected() ? " (rejected)" : " (accepted)"));
            }
        }
        assertEquals(List.of(), missing, "README rows (data row | file line | what | expected) that are missing or "
                + "do not match the file");
        assertTrue(readme.contains("org.breachtriage.core.synthetic.SampleEvents events"));
    }

    private static String read(String name) throws IOException {
        return Files.readString(events.resolve(name), StandardCharsets.UTF_8);
    }

    private static String rawLine(int rowNumber) throws IOException {
        return read(SampleEvents.WITH_ERRORS).lines().toList().get(rowNumber);
    }
}
