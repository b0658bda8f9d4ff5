package org.breachtriage.core.manifest;

import java.util.Set;
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
        SubjectType subjectType,
        String subjectRef,
        ContactChannel contactChannel) {

    public ManifestRow {
        exposedFields = exposedFields == null ? Set.of() : Set.copyOf(exposedFields);
        subjectType = subjectType == null ? SubjectType.STAFF : subjectType;
    }

    /** A staff row, as every manifest before version 2 holds. */
    public ManifestRow(long rowNumber, String payNumber, Set<DataCategory> exposedFields, String surname,
                       String forename, String rank, String vettingLevel) {
        this(rowNumber, payNumber, exposedFields, surname, forename, rank, vettingLevel, SubjectType.STAFF, null, null);
    }

    /** The key of the person the row is about in the incident ({@link PersonKeys}). */
    public String personKey() {
        return subjectType.staff() ? payNumber : PersonKeys.subject(subjectType, subjectRef);
    }
}
