package org.breachtriage.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One configured Jackson mapper for the whole project: ISO-8601 instants, unknown fields tolerated. */
public final class Json {
    /**
     * Deepest nesting of arrays and objects read from any input. Manifests, envelopes, incident files
     * and Lambda events are a few levels deep; a limit well above that, and well below Jackson's 1,000,
     * makes a hostile 10,000-deep document a clear error instead of deep recursion.
     */
    public static final int MAX_NESTING_DEPTH = 100;

    /** What every "nested too deeply" error says, after naming the file, row or line. */
    public static final String NESTED_TOO_DEEPLY =
            "nested too deeply: more than " + MAX_NESTING_DEPTH + " levels of arrays and objects";

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(limits().build()).build())
            .registerModule(javaTime())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * The two java.time types the project writes, Instant and Duration, with the very serialisers and
     * deserialisers jackson-datatype-jsr310's JavaTimeModule registers for them (and its default
     * features). Not the whole module: it builds some 30 serialisers, deserialisers and key
     * deserialisers for types nobody here writes, about 60 classes on a function's cold start. Any
     * other java.time type fails loudly (Jackson names the missing module), it is never written as a bean.
     */
    private static SimpleModule javaTime() {
        SimpleModule module = new SimpleModule("breach-triage-java-time");
        module.addSerializer(Instant.class, InstantSerializer.INSTANCE);
        module.addDeserializer(Instant.class,
                InstantDeserializer.INSTANT.withFeatures(JacksonFeatureSet.fromDefaults(JavaTimeFeature.values())));
        module.addSerializer(Duration.class, DurationSerializer.INSTANCE);
        module.addDeserializer(Duration.class, DurationDeserializer.INSTANCE);
        return module;
    }

    /** The project's read limits (nesting depth), for factories that add limits of their own. */
    public static StreamReadConstraints.Builder limits() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH);
    }

    /** What a read limit that was hit means, for a message naming the file: nested too deeply, or a value too long. */
    public static String limitExceeded(StreamConstraintsException e) {
        return nestedTooDeeply(e) ? NESTED_TOO_DEEPLY : "a value is longer than the JSON reader allows";
    }

    /**
     * Whether a parse failed on the nesting limit rather than another limit (a string too long).
     * Jackson has one exception type for every limit, so its message is the only tell.
     */
    public static boolean nestedTooDeeply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("nesting depth")) {
                return true;
            }
        }
        return false;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
