package org.breachtriage.core.manifest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps every visitor call, in order, and checks the accounting after a read. */
public final class RecordingVisitor implements ManifestVisitor {
    public final List<Object> events = new ArrayList<>();
    public final List<ManifestRow> accepted = new ArrayList<>();
    public final List<RowRejection> rejected = new ArrayList<>();
    public final List<IncidentMetadata> incidents = new ArrayList<>();
    public ManifestReader.ReadSummary summary;

    @Override
    public void incident(IncidentMetadata metadata) {
        incidents.add(metadata);
        events.add(metadata);
    }

    @Override
    public void accepted(ManifestRow row) {
        accepted.add(row);
        events.add(row);
    }

    @Override
    public void rejected(RowRejection rejection) {
        rejected.add(rejection);
        events.add(rejection);
    }

    /** Reads {@code text} (UTF-8) as the manifest {@code name}; checks the accounting invariant. */
    public static RecordingVisitor read(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static RecordingVisitor read(String name, byte[] bytes) {
        return read(name, new ByteArrayInputStream(bytes));
    }

    public static RecordingVisitor read(String name, InputStream in) {
        RecordingVisitor visitor = new RecordingVisitor();
        try {
            visitor.summary = ManifestReaders.forName(name).read(name, in, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        visitor.checkAccounting();
        return visitor;
    }

    /** rowsRead = accepted + rejected, each row exactly once, row numbers 1..rowsRead in order. */
    public void checkAccounting() {
        if (summary.rowsRead() != summary.rowsAccepted() + summary.rowsRejected()
                || summary.rowsAccepted() != accepted.size()
                || summary.rowsRejected() != rejected.size()) {
            throw new AssertionError("accounting broken: " + summary + " vs " + accepted.size() + " accepted, "
                    + rejected.size() + " rejected calls");
        }
        long expected = 1;
        for (Object event : events) {
            long row;
            if (event instanceof ManifestRow r) {
                row = r.rowNumber();
            } else if (event instanceof RowRejection r) {
                row = r.rowNumber();
            } else {
                continue;
            }
            if (row != expected++) {
                throw new AssertionError("row numbers out of order: expected " + (expected - 1) + ", got " + row);
            }
        }
    }

    public RowRejection rejection(long rowNumber) {
        return rejected.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("row " + rowNumber + " was not rejected; rejections: " + rejected));
    }

    public ManifestRow row(long rowNumber) {
        return accepted.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("row " + rowNumber + " was not accepted; rejections: " + rejected));
    }
}
