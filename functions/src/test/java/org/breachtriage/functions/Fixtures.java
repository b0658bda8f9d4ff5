package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's files (events/, template.yaml) and the Lambda event types built from JSON the
 * way the Lambda Java runtime builds them: aws-lambda-java-tests' {@link EventLoader} for fixture
 * files, and the same runtime serializers for events a test assembles itself.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** The checkout's root: surefire passes it; from an IDE, walk up from the working directory. */
    static Path repoRoot() {
        String configured = System.getProperty("triage.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("events"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (template.yaml and events/) above "
                + Path.of("").toAbsolutePath() + "; set -Dtriage.repo.root");
    }

    static Path events(String relative) {
        Path file = repoRoot().resolve("events").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing fixture " + file);
        }
        return file;
    }

    static S3Event s3Event(String fixture) {
        return EventLoader.loadS3Event(events(fixture).toString());
    }

    static SQSEvent sqsEvent(String fixture) {
        return EventLoader.loadSQSEvent(events(fixture).toString());
    }

    /** An S3 event from JSON, through the Lambda runtime's own event serializer. */
    static S3Event s3EventFromJson(String json) {
        return LambdaEventSerializers.serializerFor(S3Event.class, Fixtures.class.getClassLoader()).fromJson(json);
    }

    /**
     * An incident sidecar fixture with its reference made unique ({@code <reference>-<suffix>}): the
     * tests of one JVM share the emulated tables, and an incident is its force and reference, so two
     * tests using the same fixture would otherwise share people and notices.
     */
    static byte[] sidecarWithOwnReference(String fixture, String suffix) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.ObjectNode sidecar = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.breachtriage.core.json.Json.MAPPER.readTree(java.nio.file.Files.readAllBytes(events(fixture)));
        sidecar.put("reference", sidecar.path("reference").asText() + "-" + suffix);
        return org.breachtriage.core.json.Json.MAPPER.writeValueAsBytes(sidecar);
    }
}
