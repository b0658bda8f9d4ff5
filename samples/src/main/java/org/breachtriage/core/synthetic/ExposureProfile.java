package org.breachtriage.core.synthetic;

import static org.breachtriage.core.model.DataCategory.DATE_OF_BIRTH;
import static org.breachtriage.core.model.DataCategory.HOME_ADDRESS;
import static org.breachtriage.core.model.DataCategory.NAME;
import static org.breachtriage.core.model.DataCategory.PAY_NUMBER;
import static org.breachtriage.core.model.DataCategory.PHONE;
import static org.breachtriage.core.model.DataCategory.PHOTO;
import static org.breachtriage.core.model.DataCategory.RANK;
import static org.breachtriage.core.model.DataCategory.UNIT;
import static org.breachtriage.core.model.DataCategory.VETTING_LEVEL;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.breachtriage.core.model.DataCategory;

/** Which fields a kind of supplier holds, and so which fields each manifest row says leaked. */
public enum ExposureProfile {
    /**
     * An ID-card maker, as in the 2023 Met breach: nearly everyone lost name, rank, photo, vetting
     * level and pay number; some records held less, a few held a home address or date of birth.
     */
    ID_CARD(EnumSet.of(NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER)) {
        private final Weighted<Set<DataCategory>> table = Weighted.<Set<DataCategory>>builder()
                .add(84, EnumSet.of(NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER))
                .add(4, EnumSet.of(NAME, RANK, PHOTO, PAY_NUMBER))
                .add(3, EnumSet.of(NAME, RANK, PAY_NUMBER))
                .add(2, EnumSet.of(NAME, PHOTO))
                .add(2, EnumSet.of(PAY_NUMBER))
                .add(2.5, EnumSet.of(NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, HOME_ADDRESS))
                .add(2.5, EnumSet.of(NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, DATE_OF_BIRTH))
                .build();

        @Override
        EnumSet<DataCategory> draw(SplittableRandom rng, SyntheticPerson person) {
            return EnumSet.copyOf(table.pick(rng));
        }
    },
    /** A lanyard printer: names and photos, often rank, sometimes the unit printed on the lanyard. */
    LANYARD(EnumSet.of(NAME, RANK, PHOTO)) {
        private final Weighted<Set<DataCategory>> table = Weighted.<Set<DataCategory>>builder()
                .add(60, EnumSet.of(NAME, RANK, PHOTO))
                .add(25, EnumSet.of(NAME, PHOTO))
                .add(10, EnumSet.of(NAME, RANK, PHOTO, UNIT))
                .add(5, EnumSet.of(NAME, PHOTO, PAY_NUMBER))
                .build();

        @Override
        EnumSet<DataCategory> draw(SplittableRandom rng, SyntheticPerson person) {
            return EnumSet.copyOf(table.pick(rng));
        }
    },
    /**
     * A vetting-application portal: identity details of everyone vetted. Holders of MV, SC or DV
     * always have their level exposed (which is what reveals a sensitive post); others half the time.
     */
    VETTING_PORTAL(EnumSet.of(NAME, VETTING_LEVEL, PAY_NUMBER, DATE_OF_BIRTH)) {
        @Override
        EnumSet<DataCategory> draw(SplittableRandom rng, SyntheticPerson person) {
            EnumSet<DataCategory> fields = EnumSet.of(NAME, PAY_NUMBER, DATE_OF_BIRTH);
            boolean sensitiveLevel = person.vettingLevel() != null && person.vettingLevel().revealsSensitivePost();
            if (rng.nextDouble() < 0.5 || sensitiveLevel) {
                fields.add(VETTING_LEVEL);
            }
            if (rng.nextDouble() < 0.15) {
                fields.add(HOME_ADDRESS);
            }
            if (rng.nextDouble() < 0.05) {
                fields.add(PHONE);
            }
            return fields;
        }
    };

    private final Set<DataCategory> defaultFields;

    ExposureProfile(Set<DataCategory> defaultFields) {
        this.defaultFields = defaultFields;
    }

    /** What an incident sidecar for this kind of supplier gives as {@code defaultExposedFields}. */
    public EnumSet<DataCategory> defaultFields() {
        return EnumSet.copyOf(defaultFields);
    }

    /** The fields one row exposes. Returns a fresh set the caller may change. */
    abstract EnumSet<DataCategory> draw(SplittableRandom rng, SyntheticPerson person);
}
