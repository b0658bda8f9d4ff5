package org.breachtriage.bench.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassGroupsTest {

    @Test
    void aLambdaCountsWithTheLibraryThatSpunItAndTheRuntimeStartUpEndsAtTheHandlersFirstClass(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Files.write(log, List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.020s][info][class,load] com.amazonaws.services.lambda.runtime.api.client.AWSLambda source: file:/runtime/",
                "[0.030s][info][class,load] org.breachtriage.functions.ScoreHandler source: file:/var/task/",
                "[0.040s][info][class,load] software.amazon.awssdk.core.SdkField source: file:/var/task/",
                "[0.041s][info][class,load] software.amazon.awssdk.core.SdkField$$Lambda/0x0000000001 source: software.amazon.awssdk.core.SdkField",
                "[0.050s][info][class,load] java.lang.invoke.LambdaForm$MH/0x0000000002 source: __JVM_LookupDefineClass__",
                "[0.060s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/var/task/",
                "[0.070s][info][class,load] com.github.mustachejava.DefaultMustacheFactory source: file:/var/task/",
                "[0.080s][info][class,load] org.breachtriage.core.json.Json$$Lambda/0x0000000003 source: org.breachtriage.core.json.Json",
                "[0.090s][info][cds] not a class line",
                "[9.000s][info][class,load] java.lang.Shutdown source: shared objects file"));

        ClassCount count = ClassCount.of(log, 1.0);

        assertEquals(9, count.loaded(), "the line after the answer and the line that is not a class are not counted");
        ClassGroups groups = count.groups();
        assertEquals(2, groups.beforeHandler());
        assertEquals(2, groups.loaded().get("AWS SDK"));
        assertEquals(1, groups.lambdas().get("AWS SDK"));
        assertEquals(1, groups.loaded().get("Jackson"));
        assertEquals(1, groups.loaded().get("runtime client and events"));
        assertEquals(2, groups.loaded().get("Breach Triage"));
        assertEquals(1, groups.lambdas().get("Breach Triage"));
        assertEquals(1, groups.loaded().get("other libraries"));
        assertEquals(2, groups.loaded().get("JDK"), "a LambdaForm is the JDK's own");
        assertEquals(0, groups.lambdas().get("JDK"));
    }
}
