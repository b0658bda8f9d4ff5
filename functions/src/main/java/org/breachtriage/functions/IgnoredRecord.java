package org.breachtriage.functions;

/**
 * An S3 event record the ingest function left alone: which object ({@code s3://bucket/key}, decoded)
 * and why (not a creation, another bucket, outside {@code manifests/}, one of triage's own outputs,
 * a sidecar). Object keys are file names, not file content, so they may be logged and printed.
 */
public record IgnoredRecord(String key, String reason) {
    /** "s3://bucket/key: why", for a log line or the CLI. */
    public String describe() {
        return key + ": " + reason;
    }
}
