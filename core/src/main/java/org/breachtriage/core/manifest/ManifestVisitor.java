package org.breachtriage.core.manifest;

/** Receives a manifest as it is read, one row at a time, so no manifest is ever held whole. */
public interface ManifestVisitor {

    /** Called at most once, before any row, when the manifest itself carries incident metadata. */
    default void incident(IncidentMetadata metadata) {
    }

    void accepted(ManifestRow row);

    void rejected(RowRejection rejection);
}
