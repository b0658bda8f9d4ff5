package org.breachtriage.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.ports.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * {@link ObjectStore} on one S3 bucket. Reads stream straight from the HTTP response; writes above
 * {@link #MULTIPART_THRESHOLD} go as a multipart upload (S3 allows 5 GiB in one PUT, but some
 * emulators stop near 11 MiB, and parts make large report writes restartable in principle).
 */
public final class S3ObjectStore implements ObjectStore {

    public static final int MULTIPART_THRESHOLD = 8 * 1024 * 1024;
    /** S3's minimum part size is 5 MiB (except the last part). */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int listPageSize;

    public S3ObjectStore(S3Client s3, String bucket) {
        this(s3, bucket, 1000);
    }

    /** {@code listPageSize} (1–1000) is the page size asked of ListObjectsV2; tests make it small. */
    public S3ObjectStore(S3Client s3, String bucket, int listPageSize) {
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be 1..1000, got " + listPageSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.listPageSize = listPageSize;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(describe(key));
        } catch (S3Exception e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("inspect", key, e);
        }
        return Optional.of(new ObjectInfo(key, head.contentLength() == null ? 0 : head.contentLength(),
                versionOf(head.versionId(), head.eTag()), head.metadata()));
    }

    @Override
    public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        try {
            if (content.length > MULTIPART_THRESHOLD) {
                putMultipart(key, content, contentType, meta);
            } else {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).metadata(meta),
                        RequestBody.fromBytes(content));
            }
        } catch (S3Exception e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix == null ? "" : prefix).maxKeys(listPageSize).build();
            for (var page : s3.listObjectsV2Paginator(request)) {
                for (S3Object object : page.contents()) {
                    keys.add(object.key());
                }
            }
        } catch (S3Exception e) {
            throw failure("list", prefix + "*", e);
        }
        // S3 already lists in UTF-8 byte order; sorting again keeps the port's promise for any emulator.
        Collections.sort(keys);
        return keys;
    }

    private void putMultipart(String key, byte[] content, String contentType, Map<String, String> metadata) {
        CreateMultipartUploadResponse upload = s3.createMultipartUpload(
                b -> b.bucket(bucket).key(key).contentType(contentType).metadata(metadata));
        String uploadId = upload.uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int partNumber = 1;
            for (int offset = 0; offset < content.length; offset += PART_SIZE, partNumber++) {
                byte[] part = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + PART_SIZE));
                int number = partNumber;
                UploadPartResponse uploaded = s3.uploadPart(
                        b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(part));
                parts.add(CompletedPart.builder().partNumber(number).eTag(uploaded.eTag()).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (RuntimeException e) {
            // An unfinished upload is billed for its parts until aborted.
            try {
                s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId).build());
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** S3 returns "null" as the version id of objects written while versioning was off. */
    static String versionOf(String versionId, String eTag) {
        if (versionId != null && !versionId.isBlank() && !"null".equals(versionId)) {
            return versionId;
        }
        if (eTag == null) {
            return null;
        }
        return eTag.startsWith("\"") && eTag.endsWith("\"") && eTag.length() >= 2 ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private String describe(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private IOException failure(String action, String key, S3Exception e) {
        return new IOException("could not " + action + " " + describe(key) + ": "
                + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage())
                + " (HTTP " + e.statusCode() + ")", e);
    }
}
