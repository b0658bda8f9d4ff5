package org.breachtriage.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: core is the same code on a laptop and on Lambda, so it must not know AWS. */
class CoreKnowsNothingOfAwsTest {
    private static final Pattern AWS_REFERENCE = Pattern.compile("\\b(software\\.amazon|com\\.amazonaws)\\.");
    private static final Path CORE_SOURCES = Path.of("src/main/java");

    @Test
    void noCoreSourceMentionsAnAwsPackage() throws IOException {
        assertTrue(Files.isDirectory(CORE_SOURCES), "run from the core module: " + CORE_SOURCES.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(CORE_SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(CoreKnowsNothingOfAwsTest::mentionsAws)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders, "core must not import software.amazon.* or com.amazonaws.*");
    }

    @Test
    void theAwsSdkIsNotEvenOnCoresClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("software.amazon.awssdk.core.SdkClient"));
    }

    @Test
    void theCheckRecognisesAnAwsImport() {
        assertTrue(AWS_REFERENCE.matcher("import software.amazon.awssdk.services.s3.S3Client;").find());
        assertFalse(AWS_REFERENCE.matcher("import org.breachtriage.core.ports.ObjectStore;").find());
    }

    private static boolean mentionsAws(Path file) {
        try {
            return AWS_REFERENCE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
