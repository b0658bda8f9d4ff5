package org.breachtriage.core.manifest;

import java.util.Set;
import org.breachtriage.core.model.DataCategory;

/**
 * One accepted manifest row. {@code rowNumber} is 1-based over data rows (the CSV header is not a
 * row; for CSV the physical line may differ when quoted fields span lines). An empty
 * {@code exposedFields} means "the incident's default categories apply". Echo fields may be null.
 */
public record ManifestRow(
        long rowNumber,
        String payNumber,
        Set<DataCategory> exposedFields,
        String surname,
        String forename,
        String rank,
        String vettingLevel) {

    public ManifestRow {
        exposedFields = exposedFields == null ? Set.of() : Set.copyOf(exposedFields);
    }
}
