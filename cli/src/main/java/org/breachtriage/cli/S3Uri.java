package org.breachtriage.cli;

/** {@code s3://bucket/key}, checked against the configured bucket. */
record S3Uri(String bucket, String key) {

    static S3Uri parse(String uri, String expectedBucket) {
        if (uri == null || !uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
            throw new InvalidInputException("'" + uri + "' is not an s3://bucket/key URI");
        }
        int slash = uri.indexOf('/', 5);
        S3Uri parsed = new S3Uri(uri.substring(5, slash), uri.substring(slash + 1));
        if (parsed.key().isEmpty()) {
            throw new InvalidInputException("'" + uri + "' names a bucket but no object");
        }
        if (!parsed.bucket().equals(expectedBucket)) {
            throw new InvalidInputException("'" + uri + "' is in bucket " + parsed.bucket()
                    + ", but the pipeline's bucket is " + expectedBucket + " (TRIAGE_BUCKET)");
        }
        return parsed;
    }
}
