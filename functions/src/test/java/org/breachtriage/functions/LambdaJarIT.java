package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.breachtriage.aws.sandbox.LocalEmulators;
import org.breachtriage.core.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;

/**
 * The deployment package holds what Lambda runs and nothing else: no class of the samples module
 * (synthetic data) or of the sandbox module (emulator launcher, event-source simulator, in-process
 * Lambda runner), and no JUnit. The two modules' classes are read from their own build output, so a
 * class added to either is covered without this test changing.
 */
class LambdaJarIT {

    @Test
    void theLambdaJarHoldsNoSampleOrSandboxClassAndNoJUnit() throws Exception {
        Path jar = Path.of(System.getProperty("triage.functions.jar",
                Fixtures.repoRoot().resolve("functions/target/breach-triage-functions.jar").toString()));
        Set<String> entries = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        List<String> classes = entries.stream().filter(e -> e.endsWith(".class")).toList();
        System.out.printf("LambdaJarIT: %s is %,d bytes with %,d classes%n", jar.getFileName(), Files.size(jar), classes.size());

        Set<String> forbidden = new TreeSet<>();
        forbidden.addAll(classesOf(SyntheticData.class));
        forbidden.addAll(classesOf(LocalEmulators.class));
        // A floor, not a count: those modules grow. It proves their classes were found, so that "none of
        // them is in the jar" below is not true of an empty list.
        assertTrue(forbidden.size() > 20, "the samples and sandbox modules' classes were found: " + forbidden.size());

        List<String> shipped = new ArrayList<>();
        for (String entry : classes) {
            if (forbidden.contains(entry) || entry.startsWith("org/junit/") || entry.startsWith("junit/")
                    || entry.startsWith("org/opentest4j/") || entry.startsWith("org/breachtriage/cli/")) {
                shipped.add(entry);
            }
        }
        assertEquals(List.of(), shipped, "classes the Lambda jar must not hold");
        for (Class<?> handler : List.of(IngestHandler.class, ScoreHandler.class, ReleaseHandler.class, ReportHandler.class,
                ClockHandler.class)) {
            assertTrue(entries.contains(handler.getName().replace('.', '/') + ".class"), handler + " is in the jar");
        }
    }

    /** Every class file of the module (its target/classes folder or jar) that holds this class. */
    private static Set<String> classesOf(Class<?> member) throws URISyntaxException, IOException {
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        }
        return names;
    }
}
