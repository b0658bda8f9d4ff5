package org.breachtriage.core.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bad inputs of every kind the readers know, each carrying planted personal data: two made-up people
 * whose pay numbers, names, ranks, units and addresses appear nowhere else, so that any of them found
 * in an error, a log line, an alert or a decision log was copied there from the input. Shared by the
 * CLI's and the Lambda handlers' leak tests, which feed these through and grep what came out.
 *
 * <p>The one valid row some manifests hold (so that they run and keep their rejects) is of a person
 * who is not planted: what a run rightly does with it (a notice with the pay number) is no leak.
 */
public final class BadInputCorpus {
    public static final String PAY_NUMBER = "PZ734519";
    public static final String FORENAME = "Zephyrine";
    public static final String SURNAME = "Quillfeather";
    public static final String RANK = "Wing Commander";
    public static final String UNIT = "Kestrel Surveillance Unit";
    public static final String ADDRESS = "14 Larkspur Mews";
    public static final String OTHER_PAY_NUMBER = "QX880142";
    public static final String OTHER_FORENAME = "Oriabel";
    public static final String OTHER_SURNAME = "Thrushcombe";
    /** A victim's reference from a crime system, as a supplier would send it: personal data like a pay number. */
    public static final String SUBJECT_REF = "VZ551902";

    /** Every planted value; none may appear in what is not meant for the operator's eyes alone. */
    public static final List<String> PLANTED = List.of(PAY_NUMBER, FORENAME, SURNAME, RANK, UNIT, ADDRESS,
            OTHER_PAY_NUMBER, OTHER_FORENAME, OTHER_SURNAME, SUBJECT_REF);

    /** A real person of the sample roster (events/staff/roster.csv), for the valid row: not planted. */
    public static final String VALID_PAY_NUMBER = "MP000001";

    /** What kind of file, and so which command or handler takes it. */
    public enum Kind {
        /** A manifest the readers refuse as a whole: its case fails, with an alert and a decision-log line. */
        MANIFEST_REFUSED,
        /** A manifest that runs, with rejected rows kept (shown only by validate and rejects). */
        MANIFEST_WITH_REJECTS,
        /** A staff roster that is refused (as a whole, or for its rows). */
        ROSTER
    }

    /** One bad input: a short name for test output, its file name (which picks the reader) and bytes. */
    public record BadInput(String name, String fileName, Kind kind, byte[] content) {
        public Path writeTo(Path dir) throws IOException {
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            return file;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputCorpus() {
    }

    /** Every bad input. */
    public static List<BadInput> all() {
        List<BadInput> all = new ArrayList<>(manifests());
        all.addAll(rosters());
        return all;
    }

    public static List<BadInput> manifests() {
        List<BadInput> in = new ArrayList<>();
        // A roster exported by mistake, with no header: its first person becomes the "header".
        refused(in, "roster as manifest, no header", "no-header.csv", rosterRows());
        refused(in, "roster as manifest, no header, UTF-16", "no-header-utf16.csv",
                utf16(rosterRows()));
        refused(in, "semicolon-separated", "semicolons.csv",
                "pay_number;surname;forename;rank\n" + PAY_NUMBER + ";" + SURNAME + ";" + FORENAME + ";" + RANK + "\n");
        refused(in, "no pay-number column", "no-pay-column.csv",
                "surname,forename,rank,unit,home_address\n" + SURNAME + "," + FORENAME + "," + RANK + "," + UNIT + "," + ADDRESS + "\n");
        refused(in, "two pay-number columns", "two-pay-columns.csv",
                "pay_number,employee_id,surname\n" + PAY_NUMBER + "," + OTHER_PAY_NUMBER + "," + SURNAME + "\n");
        refused(in, "header row unreadable", "unterminated-header.csv",
                "\"pay_number," + SURNAME + "\n" + PAY_NUMBER + "," + FORENAME + "\n");
        refused(in, "empty", "empty.csv", "");
        refused(in, "NUL byte", "nul.csv", "pay_number,surname\n" + PAY_NUMBER + "," + SURNAME + "\u0000\n");
        in.add(new BadInput("invalid UTF-8", "bad-utf8.csv", Kind.MANIFEST_REFUSED,
                concat(("pay_number,surname\n" + PAY_NUMBER + "," + SURNAME).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, '\n'})));
        refused(in, "unsupported type", "people.txt", PAY_NUMBER + " " + FORENAME + " " + SURNAME + "\n");
        refused(in, "envelope: bare word in a record", "bare-word.json",
                "{\"records\": [{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": " + SURNAME + "}]}");
        refused(in, "envelope: not JSON at all", "not-json.json", FORENAME + " " + SURNAME + ", " + PAY_NUMBER + "\n");
        refused(in, "envelope: nested too deeply", "deep.json",
                "{\"records\": [{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": \"" + SURNAME + "\", \"x\": " + deep() + "}]}");
        refused(in, "envelope: records not an array", "records-string.json",
                "{\"records\": \"" + PAY_NUMBER + " " + SURNAME + "\"}");
        refused(in, "envelope: content after the end", "trailing.json",
                "{\"records\": []} \"" + SURNAME + "\"");
        refused(in, "envelope: not an object", "array.json", "[\"" + PAY_NUMBER + "\", \"" + SURNAME + "\"]");
        refused(in, "envelope: incident after records", "incident-last.json",
                "{\"records\": [{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": \"" + SURNAME + "\"}], \"incident\": {}}");
        refused(in, "envelope: broken incident", "broken-incident.json",
                "{\"incident\": {\"supplier\": " + SURNAME + "}, \"records\": []}");
        // Incident fields are closed vocabularies too: a name typed into one is described, never quoted.
        refused(in, "envelope: a name as the recipient", "recipient-name.json",
                "{\"incident\": {\"confidentiality\": \"KNOWN_RECIPIENTS\", \"recipient\": \"" + FORENAME + " "
                        + SURNAME + " in HR\"}, \"records\": []}");
        refused(in, "envelope: a name as the regime", "regime-name.json",
                "{\"incident\": {\"regime\": \"Victim " + OTHER_FORENAME + " " + OTHER_SURNAME + "\"}, \"records\": []}");
        refused(in, "envelope: a pay number as malicious", "malicious-pay.json",
                "{\"incident\": {\"malicious\": \"" + PAY_NUMBER + "\"}, \"records\": []}");
        refused(in, "envelope: an address as awareAt", "aware-address.json",
                "{\"incident\": {\"awareAt\": \"" + ADDRESS + "\"}, \"records\": []}");
        withRejects(in, "JSON Lines: every kind of bad row", "rows.jsonl", String.join("\n",
                "{\"pay_number\": \"" + VALID_PAY_NUMBER + "\", \"exposed_fields\": \"name;rank\"}",
                "{\"pay_number\": " + PAY_NUMBER + "}",
                "[\"" + SURNAME + "\", \"" + FORENAME + "\"]",
                "{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": \"" + SURNAME + "\", \"x\": " + deep() + "}",
                "{\"pay_number\": \"" + PAY_NUMBER + " " + SURNAME + "\"}",
                "{\"pay_number\": \"" + OTHER_PAY_NUMBER + "\", \"exposed_fields\": \"" + OTHER_SURNAME + "\"}",
                "{\"pay_number\": {\"nested\": \"" + PAY_NUMBER + "\"}, \"surname\": \"" + SURNAME + "\"}",
                "{\"pay_number\": \"" + PAY_NUMBER + "\", \"payNumber\": \"" + OTHER_PAY_NUMBER + "\"}",
                "{\"pay_number\": \"" + PAY_NUMBER + "\"} \"" + SURNAME + "\"",
                "{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": \"" + SURNAME + "\"",
                "") + "\n");
        withRejects(in, "CSV: every kind of bad row", "rows.csv", String.join("\n",
                "pay_number,exposed_fields,surname,forename,rank,home_address",
                VALID_PAY_NUMBER + ",name,,,,",
                PAY_NUMBER + " " + SURNAME + ",name," + SURNAME + "," + FORENAME + "," + RANK + "," + ADDRESS,
                OTHER_PAY_NUMBER + "," + OTHER_SURNAME + ";name," + OTHER_SURNAME + "," + OTHER_FORENAME + ",,",
                "," + "name," + SURNAME + "," + FORENAME + ",,",
                OTHER_PAY_NUMBER + ",name,\"" + OTHER_SURNAME + " unterminated",
                "") + "\n");
        withRejects(in, "CSV: bad rows of victims and witnesses", "subjects.csv", String.join("\n",
                "subject_type,subject_ref,contact_channel,exposed_fields,surname,forename",
                "VICTIM,NS-OK-0001,,name,,",
                "VICTIM,,LETTER,name," + SURNAME + "," + FORENAME,
                "VICTIM," + SUBJECT_REF + " " + SURNAME + ",,name," + SURNAME + ",",
                "WITNESS," + SUBJECT_REF + "," + SURNAME + ",name,,",
                FORENAME + "," + SUBJECT_REF + ",,name," + OTHER_SURNAME + ",",
                "") + "\n");
        withRejects(in, "envelope: bad records", "records.json",
                "{\"incident\": {\"reference\": \"LEAK-TEST\"}, \"records\": ["
                        + "{\"pay_number\": \"" + VALID_PAY_NUMBER + "\"},"
                        + "\"" + PAY_NUMBER + " " + SURNAME + "\","
                        + "{\"pay_number\": \"" + OTHER_PAY_NUMBER + "\", \"exposed_fields\": [\"" + OTHER_FORENAME + "\"]},"
                        + "{\"pay_number\": [\"" + PAY_NUMBER + "\"]}]}");
        return in;
    }

    public static List<BadInput> rosters() {
        List<BadInput> in = new ArrayList<>();
        roster(in, "roster: no header", "roster-no-header.csv", rosterRows());
        roster(in, "roster: UTF-16", "roster-utf16.csv", utf16(ROSTER_HEADER + rosterRows()));
        roster(in, "roster: semicolons", "roster-semicolons.csv", (ROSTER_HEADER + rosterRows()).replace(',', ';'));
        roster(in, "roster: empty", "roster-empty.csv", "");
        roster(in, "roster: missing columns", "roster-missing.csv",
                "pay_number,forename\n" + PAY_NUMBER + "," + FORENAME + "\n");
        roster(in, "roster: bad rows", "roster-rows.csv", ROSTER_HEADER + String.join("\n",
                PAY_NUMBER + "," + FORENAME + "," + SURNAME + "," + SURNAME + "," + RANK + "," + UNIT + ",,,,,Test Force",
                OTHER_PAY_NUMBER + "," + OTHER_FORENAME + "," + OTHER_SURNAME + ",OFFICER," + RANK + "," + UNIT + ","
                        + OTHER_FORENAME + "," + PAY_NUMBER + "," + RANK + ",,Test Force",
                PAY_NUMBER + "," + FORENAME + "," + SURNAME + ",OFFICER," + RANK + "," + UNIT + ",,,,,Test Force",
                PAY_NUMBER + "," + FORENAME + "," + SURNAME + ",OFFICER," + RANK + "," + UNIT + ",,,,,Test Force",
                PAY_NUMBER + " " + SURNAME + "," + FORENAME + "," + SURNAME + ",OFFICER,,,,,,,Test Force",
                "") + "\n");
        roster(in, "roster: JSON Lines", "roster.jsonl", String.join("\n",
                "{\"pay_number\": " + PAY_NUMBER + ", \"surname\": \"" + SURNAME + "\"}",
                "{\"pay_number\": \"" + PAY_NUMBER + "\", \"surname\": \"" + SURNAME + "\", \"x\": " + deep() + "}",
                "[\"" + OTHER_SURNAME + "\"]",
                "") + "\n");
        return in;
    }

    /** The planted values that occur in {@code text}, ignoring case; empty when it holds none. */
    public static List<String> plantedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PLANTED.stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).toList();
    }

    static final String ROSTER_HEADER =
            "pay_number,forename,surname,staff_type,rank,unit,role_flags,vetting_level,contact_channel,association,force\n";

    /** Roster rows of the planted people, the first with a ';'-separated list (the old, wrong, separator hint). */
    static String rosterRows() {
        return PAY_NUMBER + "," + FORENAME + "," + SURNAME + ",OFFICER," + RANK + "," + UNIT + ",COVERT;PROTECTION,SC,IN_PERSON,"
                + ADDRESS + ",Test Force\n"
                + OTHER_PAY_NUMBER + "," + OTHER_FORENAME + "," + OTHER_SURNAME + ",STAFF,Band C," + UNIT + ",,NPPV3,LETTER,,Test Force\n";
    }

    /** 10,000 nested arrays. */
    static String deep() {
        return "[".repeat(10_000) + "]".repeat(10_000);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16); // big-endian, with a byte-order mark
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void refused(List<BadInput> in, String name, String file, String text) {
        refused(in, name, file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(List<BadInput> in, String name, String file, byte[] bytes) {
        in.add(new BadInput(name, file, Kind.MANIFEST_REFUSED, bytes));
    }

    private static void withRejects(List<BadInput> in, String name, String file, String text) {
        in.add(new BadInput(name, file, Kind.MANIFEST_WITH_REJECTS, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void roster(List<BadInput> in, String name, String file, String text) {
        roster(in, name, file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void roster(List<BadInput> in, String name, String file, byte[] bytes) {
        in.add(new BadInput(name, file, Kind.ROSTER, bytes));
    }
}
