package org.breachtriage.core.manifest;

/**
 * Passes rows on and counts them, so every reader reports the same accounting: each row read goes
 * to exactly one of {@code accepted} or {@code rejected}.
 */
final class CountingVisitor implements ManifestVisitor {
    private final ManifestVisitor delegate;
    private long accepted;
    private long rejected;
    private boolean incidentSeen;

    CountingVisitor(ManifestVisitor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void incident(IncidentMetadata metadata) {
        if (incidentSeen || accepted + rejected > 0) {
            throw new IllegalStateException("incident metadata must be delivered once, before any row");
        }
        incidentSeen = true;
        delegate.incident(metadata);
    }

    @Override
    public void accepted(ManifestRow row) {
        accepted++;
        delegate.accepted(row);
    }

    @Override
    public void rejected(RowRejection rejection) {
        rejected++;
        delegate.rejected(rejection);
    }

    void rejectRow(long rowNumber, String value, String reason) {
        rejected(new RowRejection(rowNumber, "row", RowRejection.excerpt(value), reason));
    }

    /**
     * @param rowsRead rows the reader counted on its own; checked against the calls made, because a
     *                 mismatch means a row was lost or counted twice
     */
    ManifestReader.ReadSummary summary(long rowsRead) {
        if (rowsRead != accepted + rejected) {
            throw new IllegalStateException("row accounting broken: read " + rowsRead + ", accepted " + accepted
                    + ", rejected " + rejected);
        }
        return new ManifestReader.ReadSummary(rowsRead, accepted, rejected);
    }
}
