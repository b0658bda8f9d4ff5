package org.breachtriage.core.synthetic;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.synthetic.SyntheticManifestRow.Kind;

/**
 * Streams the rows of a synthetic manifest against a roster of {@code people} generated with the
 * same {@code seed}. Memory use is constant whatever the number of rows.
 *
 * <p>People are listed in a seeded shuffled order (a computed permutation of the roster indices), so
 * while rows ≤ people each roster person appears at most once apart from deliberate duplicates. When
 * rows exceed people the order starts again and everyone appears several times: intended, for
 * volume tests. A duplicate re-draws an earlier slot of that order, and because every slot's exposed
 * fields are a pure function of the slot, it can recompute them and deliberately differ.
 */
public final class ManifestRowGenerator implements Iterator<SyntheticManifestRow> {
    static final String UNKNOWN_CATEGORY = "shoe_size";
    static final int MAX_PAY_NUMBER_LENGTH = 32;
    /** Categories a duplicate row adds or drops to differ from the person's first row. */
    private static final DataCategory[] DUPLICATE_TOGGLES = {
        DataCategory.HOME_ADDRESS, DataCategory.DATE_OF_BIRTH, DataCategory.PHOTO,
    };
    private static final Kind[] INVALID_KINDS = {
        Kind.BLANK_PAY_NUMBER, Kind.MALFORMED_PAY_NUMBER, Kind.TOO_LONG_PAY_NUMBER, Kind.UNKNOWN_CATEGORY,
    };

    private final int people;
    private final long rows;
    private final ManifestOptions options;
    private final PersonGenerator persons;
    private final long rowSeed;
    private final Shuffle order;
    /**
     * exposed_fields text by category mask: formatting afresh per row was a visible share of the time.
     * A map, not a slot per mask: with twenty categories that would be a million slots for a handful used.
     */
    private final java.util.Map<Integer, String> formatted = new java.util.HashMap<>();

    private long nextRow;
    private long slotsUsed;
    private int unmatchedUsed;

    public ManifestRowGenerator(int people, long rows, long seed, ManifestOptions options) {
        if (people < 1) {
            throw new IllegalArgumentException("people must be at least 1, was " + people);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
        this.people = people;
        this.rows = rows;
        this.options = Objects.requireNonNull(options, "options");
        this.persons = new PersonGenerator(seed);
        this.rowSeed = Seeds.mix(seed) ^ Seeds.mix(options.selectionSeed() + Seeds.SELECTION);
        this.order = new Shuffle(people, Seeds.mix(rowSeed + Seeds.SELECTION));
    }

    /** The people this generator describes: the roster generated with the same seed (whatever its force options). */
    public PersonGenerator persons() {
        return persons;
    }

    @Override
    public boolean hasNext() {
        return nextRow < rows;
    }

    @Override
    public SyntheticManifestRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + rows + " rows generated");
        }
        long rowIndex = nextRow++;
        SplittableRandom rng = Seeds.stream(rowSeed, Seeds.ROW, rowIndex);
        double u = rng.nextDouble();
        double invalidUpTo = options.invalidFraction();
        double unmatchedUpTo = invalidUpTo + options.unmatchedFraction();
        double duplicateUpTo = unmatchedUpTo + options.duplicateFraction();
        long rowNumber = rowIndex + 1;
        if (u < invalidUpTo) {
            return invalidRow(rowNumber, INVALID_KINDS[rng.nextInt(INVALID_KINDS.length)], rng);
        }
        if (u < unmatchedUpTo) {
            return unmatchedRow(rowNumber, rng);
        }
        if (u < duplicateUpTo && slotsUsed > 0) {
            return duplicateRow(rowNumber, rng);
        }
        long slot = slotsUsed++;
        SyntheticPerson person = persons.person(personAt(slot));
        return row(rowNumber, Kind.MATCHED, person, person.payNumber(), slotFields(slot, person), rng);
    }

    private SyntheticManifestRow invalidRow(long rowNumber, Kind kind, SplittableRandom rng) {
        // The supplier's record of a real roster person, damaged: the person takes up a slot as any row would.
        long slot = slotsUsed++;
        SyntheticPerson person = persons.person(personAt(slot));
        EnumSet<DataCategory> fields = slotFields(slot, person);
        String pay = switch (kind) {
            case BLANK_PAY_NUMBER -> "";
            case MALFORMED_PAY_NUMBER -> "MP#" + (1 + rng.nextInt(99));
            case TOO_LONG_PAY_NUMBER -> tooLong(person.payNumber());
            default -> person.payNumber();
        };
        SyntheticManifestRow row = row(rowNumber, kind, person, pay, fields, rng);
        if (kind != Kind.UNKNOWN_CATEGORY) {
            return row;
        }
        String exposed = row.exposedFields().isEmpty()
                ? UNKNOWN_CATEGORY : row.exposedFields() + ";" + UNKNOWN_CATEGORY;
        return new SyntheticManifestRow(rowNumber, kind, row.personIndex(), pay, exposed, row.surname(),
                row.forename(), row.rank(), row.vettingLevel());
    }

    private SyntheticManifestRow unmatchedRow(long rowNumber, SplittableRandom rng) {
        // A leaver or a record from another force: the next index past the roster, so never a clash.
        int index = Math.addExact(people, unmatchedUsed++);
        SyntheticPerson person = persons.person(index);
        EnumSet<DataCategory> fields = options.profile().draw(Seeds.stream(rowSeed, Seeds.UNMATCHED, index), person);
        return row(rowNumber, Kind.UNMATCHED, person, person.payNumber(), fields, rng);
    }

    private SyntheticManifestRow duplicateRow(long rowNumber, SplittableRandom rng) {
        long earlier = rng.nextLong(slotsUsed);
        SyntheticPerson person = persons.person(personAt(earlier));
        EnumSet<DataCategory> fields = slotFields(earlier, person);
        if (fields.isEmpty()) {
            fields = options.profile().defaultFields();
        }
        DataCategory toggle = DUPLICATE_TOGGLES[rng.nextInt(DUPLICATE_TOGGLES.length)];
        if (!fields.remove(toggle)) {
            fields.add(toggle);
        }
        if (fields.isEmpty()) {
            fields.add(DataCategory.PAY_NUMBER);
        }
        return row(rowNumber, Kind.DUPLICATE, person, person.payNumber(), fields, rng);
    }

    /** The fields a slot's row exposes; empty means "incident default". Pure in (slot, person). */
    private EnumSet<DataCategory> slotFields(long slot, SyntheticPerson person) {
        SplittableRandom rng = Seeds.stream(rowSeed, Seeds.FIELDS, slot);
        if (rng.nextDouble() < options.blankExposedFieldsFraction()) {
            return EnumSet.noneOf(DataCategory.class);
        }
        return options.profile().draw(rng, person);
    }

    /** Echo columns repeat only what leaked: the name if the name did, and so on. */
    private SyntheticManifestRow row(long rowNumber, Kind kind, SyntheticPerson person, String pay,
            EnumSet<DataCategory> fields, SplittableRandom rng) {
        String exposed = format(fields);
        if (rng.nextDouble() < options.blankEchoFraction()) {
            return new SyntheticManifestRow(rowNumber, kind, person.index(), pay, exposed, null, null, null, null);
        }
        EnumSet<DataCategory> leaked = fields.isEmpty() ? options.profile().defaultFields() : fields;
        boolean name = leaked.contains(DataCategory.NAME);
        String vetting = leaked.contains(DataCategory.VETTING_LEVEL) && person.vettingLevel() != null
                ? person.vettingLevel().name() : null;
        return new SyntheticManifestRow(rowNumber, kind, person.index(), pay, exposed,
                name ? person.surname() : null,
                name ? person.forename() : null,
                leaked.contains(DataCategory.RANK) ? person.rank() : null,
                vetting);
    }

    private String format(EnumSet<DataCategory> fields) {
        int mask = Categories.mask(fields);
        return formatted.computeIfAbsent(mask, m -> Categories.format(fields));
    }

    private int personAt(long slot) {
        return order.at(slot);
    }

    /** The pay number made one character too long by a trailing run of digits. */
    static String tooLong(String payNumber) {
        StringBuilder pay = new StringBuilder(payNumber).append('-');
        for (int digit = 0; pay.length() <= MAX_PAY_NUMBER_LENGTH; digit++) {
            pay.append((char) ('0' + digit % 10));
        }
        return pay.toString();
    }
}
