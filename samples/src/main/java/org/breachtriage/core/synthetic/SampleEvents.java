package org.breachtriage.core.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.synthetic.SyntheticManifestRow.Kind;

/**
 * Writes the sample data committed under {@code events/}. This class is the single definition of
 * those files (seeds, sizes, incidents, the deliberate errors); a test regenerates them and
 * compares byte for byte, so the committed files and this code cannot drift apart.
 *
 * <pre>java -cp core/target/classes org.breachtriage.core.synthetic.SampleEvents events</pre>
 */
public final class SampleEvents {
    public static final long ROSTER_SEED = 20_230_826L;
    public static final int ROSTER_PEOPLE = 3_000;
    /** A few secondees from other forces, so the {@code force} column is not constant. */
    static final RosterOptions ROSTER_OPTIONS = RosterOptions.defaults().withOtherForceFraction(0.01);

    public static final String ROSTER = "staff/roster.csv";
    public static final String MET_ID_CARD = "manifests/met-idcard-2023.csv";
    /** The same incident's second manifest: records the supplier found later, with home addresses too. */
    public static final String MET_ID_CARD_LATER = "manifests/met-idcard-2023-found-later.csv";
    static final String LANYARD = "manifests/lanyard-print.jsonl";
    static final String VETTING_PORTAL = "manifests/vetting-portal.json";
    static final String WITH_ERRORS = "manifests/with-errors.csv";
    static final String SIDECAR_SUFFIX = ".incident.json";

    static final int MET_ID_CARD_ROWS = 2_500;
    static final int MET_ID_CARD_LATER_ROWS = 200;
    static final int LANYARD_ROWS = 300;
    static final int VETTING_PORTAL_ROWS = 400;
    static final int WITH_ERRORS_ROWS = 30;

    public static final IncidentMetadata MET_INCIDENT = incident("Acme ID Cards Ltd (synthetic)", "INC-2023-0826",
            "2023-08-24T09:00:00Z", true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE,
            ExposureProfile.ID_CARD);
    /** Same supplier and reference, so the same incident; the force learnt of these records a day later. */
    public static final IncidentMetadata MET_LATER_INCIDENT = incident("Acme ID Cards Ltd (synthetic)", "INC-2023-0826",
            "2023-08-25T15:00:00Z", true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE,
            ExposureProfile.ID_CARD);
    static final IncidentMetadata LANYARD_INCIDENT = incident("Lanyard Print Co (synthetic)", "INC-2024-0311",
            "2024-03-11T14:30:00Z", false, Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE,
            ExposureProfile.LANYARD);
    static final IncidentMetadata VETTING_INCIDENT = incident("Vetting Portal Services Ltd (synthetic)",
            "INC-2024-0907", "2024-09-07T07:15:00Z", true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE,
            Availability.TEMPORARY, ExposureProfile.VETTING_PORTAL);
    static final IncidentMetadata WITH_ERRORS_INCIDENT = incident("Acme ID Cards Ltd (synthetic)",
            "INC-2023-0826-B", "2023-08-25T16:00:00Z", true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE,
            Availability.NONE, ExposureProfile.ID_CARD);

    /** The kinds of trouble planted in {@code with-errors.csv}. */
    enum Problem {
        BLANK_PAY_NUMBER, TOO_LONG_PAY_NUMBER, MALFORMED_PAY_NUMBER, UNKNOWN_CATEGORY, QUOTED_COMMA, DUPLICATE,
        UNMATCHED, DEFAULT_FIELDS
    }

    /** A row of {@code with-errors.csv} put there on purpose, and whether a reader must reject it. */
    record DeliberateRow(int rowNumber, Problem problem, String description, boolean rejected) {
    }

    static final int DUPLICATED_ROW = 2;
    /** Index 9998 is pay number MP009999: a well-formed number far past the 3,000-person roster. */
    static final int UNMATCHED_PERSON_INDEX = 9_998;

    static final List<DeliberateRow> DELIBERATE_ROWS = List.of(
            new DeliberateRow(4, Problem.BLANK_PAY_NUMBER, "blank pay_number", true),
            new DeliberateRow(8, Problem.TOO_LONG_PAY_NUMBER, "pay_number of 33 characters (limit 32)", true),
            new DeliberateRow(12, Problem.MALFORMED_PAY_NUMBER, "pay_number MP#12 ('#' not allowed)", true),
            new DeliberateRow(16, Problem.UNKNOWN_CATEGORY, "exposed_fields names unknown category shoe_size", true),
            new DeliberateRow(20, Problem.QUOTED_COMMA, "quoted surname containing a comma", false),
            new DeliberateRow(24, Problem.DUPLICATE, "same pay_number as row 2, exposed_fields differ", false),
            new DeliberateRow(27, Problem.UNMATCHED, "pay_number MP009999 is on no roster", false),
            new DeliberateRow(29, Problem.DEFAULT_FIELDS, "blank exposed_fields (incident default applies)", false));

    private SampleEvents() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleEvents <events directory>");
            System.exit(2);
        }
        for (Path written : writeAll(Path.of(args[0]))) {
            System.out.println("wrote " + written + " (" + Files.size(written) + " bytes)");
        }
    }

    /** Writes every sample file under {@code dir} and returns their paths, in a fixed order. */
    public static List<Path> writeAll(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir, ROSTER, out ->
                SyntheticData.writeRoster(out, ROSTER_PEOPLE, ROSTER_SEED, ROSTER_OPTIONS)));

        written.add(write(dir, MET_ID_CARD, out -> SyntheticData.writeManifest(out, ROSTER_PEOPLE,
                MET_ID_CARD_ROWS, ROSTER_SEED, metIdCardOptions())));
        written.add(write(dir, MET_ID_CARD + SIDECAR_SUFFIX,
                out -> SyntheticData.writeIncidentSidecar(out, MET_INCIDENT)));

        written.add(write(dir, MET_ID_CARD_LATER, out -> SyntheticData.writeManifestCsv(out, foundLaterRows().iterator())));
        written.add(write(dir, MET_ID_CARD_LATER + SIDECAR_SUFFIX,
                out -> SyntheticData.writeIncidentSidecar(out, MET_LATER_INCIDENT)));

        written.add(write(dir, LANYARD, out -> SyntheticData.writeManifestJsonLines(out, ROSTER_PEOPLE,
                LANYARD_ROWS, ROSTER_SEED, lanyardOptions())));
        written.add(write(dir, LANYARD + SIDECAR_SUFFIX,
                out -> SyntheticData.writeIncidentSidecar(out, LANYARD_INCIDENT)));

        written.add(write(dir, VETTING_PORTAL, out -> SyntheticData.writeManifestJson(out, ROSTER_PEOPLE,
                VETTING_PORTAL_ROWS, ROSTER_SEED, vettingPortalOptions(), VETTING_INCIDENT)));

        written.add(write(dir, WITH_ERRORS, out -> SyntheticData.writeManifestCsv(out, withErrorsRows().iterator())));
        written.add(write(dir, WITH_ERRORS + SIDECAR_SUFFIX,
                out -> SyntheticData.writeIncidentSidecar(out, WITH_ERRORS_INCIDENT)));
        return written;
    }

    static List<String> fileNames() {
        return List.of(ROSTER, MET_ID_CARD, MET_ID_CARD + SIDECAR_SUFFIX, MET_ID_CARD_LATER,
                MET_ID_CARD_LATER + SIDECAR_SUFFIX, LANYARD, LANYARD + SIDECAR_SUFFIX,
                VETTING_PORTAL, WITH_ERRORS, WITH_ERRORS + SIDECAR_SUFFIX);
    }

    static ManifestOptions metIdCardOptions() {
        return ManifestOptions.defaults().withSelectionSeed(1).withBlankExposedFieldsFraction(0.01);
    }

    static ManifestOptions lanyardOptions() {
        return ManifestOptions.defaults().withProfile(ExposureProfile.LANYARD).withSelectionSeed(2);
    }

    static ManifestOptions vettingPortalOptions() {
        return ManifestOptions.defaults().withProfile(ExposureProfile.VETTING_PORTAL).withSelectionSeed(3);
    }

    /**
     * The records found later: ID-card rows that also list the home address, for people drawn afresh
     * from the roster, so most were in the first manifest too (their exposure grows, and some rise a
     * band) and some were not (they are told for the first time). No invalid rows: this list is clean.
     */
    static List<SyntheticManifestRow> foundLaterRows() {
        ManifestOptions clean = ManifestOptions.defaults().withInvalidFraction(0).withDuplicateFraction(0)
                .withBlankExposedFieldsFraction(0).withSelectionSeed(5);
        ManifestRowGenerator generator = new ManifestRowGenerator(ROSTER_PEOPLE, MET_ID_CARD_LATER_ROWS, ROSTER_SEED,
                clean);
        EnumSet<DataCategory> fields = ExposureProfile.ID_CARD.defaultFields();
        fields.add(DataCategory.HOME_ADDRESS);
        String exposed = Categories.format(fields);
        List<SyntheticManifestRow> rows = new ArrayList<>();
        generator.forEachRemaining(row -> rows.add(new SyntheticManifestRow(row.rowNumber(), row.kind(),
                row.personIndex(), row.payNumber(), exposed, row.surname(), row.forename(), row.rank(),
                row.vettingLevel())));
        return rows;
    }

    /** Thirty clean ID-card rows, then the deliberate problems written over fixed row numbers. */
    static List<SyntheticManifestRow> withErrorsRows() {
        ManifestOptions clean = ManifestOptions.defaults().withUnmatchedFraction(0).withDuplicateFraction(0)
                .withBlankEchoFraction(0).withSelectionSeed(4);
        ManifestRowGenerator generator = new ManifestRowGenerator(ROSTER_PEOPLE, WITH_ERRORS_ROWS, ROSTER_SEED, clean);
        List<SyntheticManifestRow> rows = new ArrayList<>();
        generator.forEachRemaining(rows::add);
        PersonGenerator persons = generator.persons();
        for (DeliberateRow deliberate : DELIBERATE_ROWS) {
            int at = deliberate.rowNumber() - 1;
            SyntheticManifestRow base = rows.get(at);
            SyntheticPerson person = persons.person(base.personIndex());
            EnumSet<DataCategory> fields = ExposureProfile.ID_CARD.defaultFields();
            String exposed = Categories.format(fields);
            long number = base.rowNumber();
            String pay = person.payNumber();
            SyntheticManifestRow replacement = switch (deliberate.problem()) {
                case BLANK_PAY_NUMBER -> echoed(number, Kind.BLANK_PAY_NUMBER, person, "", exposed, fields);
                case TOO_LONG_PAY_NUMBER -> echoed(number, Kind.TOO_LONG_PAY_NUMBER, person,
                        ManifestRowGenerator.tooLong(pay), exposed, fields);
                case MALFORMED_PAY_NUMBER -> echoed(number, Kind.MALFORMED_PAY_NUMBER, person, "MP#12", exposed, fields);
                case UNKNOWN_CATEGORY -> echoed(number, Kind.UNKNOWN_CATEGORY, person, pay,
                        Categories.format(EnumSet.of(DataCategory.NAME, DataCategory.RANK)) + ";"
                                + ManifestRowGenerator.UNKNOWN_CATEGORY + ";" + DataCategory.PAY_NUMBER.wireName(),
                        EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PAY_NUMBER));
                case QUOTED_COMMA -> quotedComma(echoed(number, Kind.MATCHED, person, pay, exposed, fields));
                case DUPLICATE -> duplicateOf(rows.get(DUPLICATED_ROW - 1), number, persons);
                case UNMATCHED -> {
                    SyntheticPerson leaver = persons.person(UNMATCHED_PERSON_INDEX);
                    yield echoed(number, Kind.UNMATCHED, leaver, leaver.payNumber(), exposed, fields);
                }
                case DEFAULT_FIELDS -> echoed(number, Kind.MATCHED, person, pay, "", fields);
            };
            rows.set(at, replacement);
        }
        return rows;
    }

    /** The supplier put "Surname, Forename" in the surname column: legal CSV once quoted. */
    private static SyntheticManifestRow quotedComma(SyntheticManifestRow row) {
        return new SyntheticManifestRow(row.rowNumber(), row.kind(), row.personIndex(), row.payNumber(),
                row.exposedFields(), row.surname() + ", " + row.forename(), null, row.rank(), row.vettingLevel());
    }

    private static SyntheticManifestRow duplicateOf(SyntheticManifestRow original, long rowNumber,
            PersonGenerator persons) {
        SyntheticPerson person = persons.person(original.personIndex());
        EnumSet<DataCategory> fields = EnumSet.noneOf(DataCategory.class);
        for (String name : original.exposedFields().split(";")) {
            DataCategory.parse(name).ifPresent(fields::add);
        }
        if (!fields.remove(DataCategory.HOME_ADDRESS)) {
            fields.add(DataCategory.HOME_ADDRESS);
        }
        return echoed(rowNumber, Kind.DUPLICATE, person, person.payNumber(), Categories.format(fields), fields);
    }

    private static SyntheticManifestRow echoed(long rowNumber, Kind kind, SyntheticPerson person, String pay,
            String exposed, EnumSet<DataCategory> leaked) {
        return new SyntheticManifestRow(rowNumber, kind, person.index(), pay, exposed,
                leaked.contains(DataCategory.NAME) ? person.surname() : null,
                leaked.contains(DataCategory.NAME) ? person.forename() : null,
                leaked.contains(DataCategory.RANK) ? person.rank() : null,
                leaked.contains(DataCategory.VETTING_LEVEL) && person.vettingLevel() != null
                        ? person.vettingLevel().name() : null);
    }

    private static IncidentMetadata incident(String supplier, String reference, String awareAt, boolean malicious,
            Confidentiality confidentiality, Integrity integrity, Availability availability, ExposureProfile profile) {
        return new IncidentMetadata(supplier, reference, Instant.parse(awareAt), malicious, confidentiality, integrity,
                availability, profile.defaultFields(), List.of());
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static Path write(Path dir, String name, Content content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        return file;
    }
}
