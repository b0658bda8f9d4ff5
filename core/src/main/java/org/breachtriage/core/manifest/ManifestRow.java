package org.breachtriage.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.SubjectType;

/**
 * One accepted manifest row. {@code rowNumber} is 1-based over data rows (the CSV header is not a
 * row; for CSV the physical line may differ when quoted fields span lines). An empty
 * {@code exposedFields} means "the incident's default categories apply". Echo fields may be null.
 *
 * <p>A STAFF row ({@code subjectType}) is keyed by its pay number; any other by its {@code subjectRef}
 * (then {@code payNumber} is null), and {@code contactChannel} says how that person is reached (the
 * staff table says it for staff, so it is null for them).
 */
public record ManifestRow(
        long rowNumber,
        String payNumber,
        Set<DataCategory> exposedFields,
        String surname,
        String forename,
        String rank,
        String vettingLevel,
        // A batch message carries 100 rows and ten must fit one SQS request: a staff row, which every manifest
        // before version 2 holds, is written exactly as it was, without the three fields it does not use.
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = StaffIsTheDefault.class) SubjectType subjectType,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subjectRef,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContactChannel contactChannel) {

    public ManifestRow {
        exposedFields = exposedFields == null ? Categories.ofMask(0) : Categories.immutable(exposedFields);
        subjectType = subjectType == null ? SubjectType.STAFF : subjectType;
    }

    /** A staff row, as every manifest before version 2 holds. */
    public ManifestRow(long rowNumber, String payNumber, Set<DataCategory> exposedFields, String surname,
                       String forename, String rank, String vettingLevel) {
        this(rowNumber, payNumber, exposedFields, surname, forename, rank, vettingLevel, SubjectType.STAFF, null, null);
    }

    /** Leaves {@code subjectType} out of the JSON when it is STAFF, which reading it back restores. */
    static final class StaffIsTheDefault {
        @Override
        public boolean equals(Object value) {
            return value == null || value == SubjectType.STAFF;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The key of the person the row is about in the incident ({@link PersonKeys}). */
    public String personKey() {
        return subjectType.staff() ? payNumber : PersonKeys.subject(subjectType, subjectRef);
    }
}
