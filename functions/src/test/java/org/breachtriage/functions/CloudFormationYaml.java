package org.breachtriage.functions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation / SAM template, turning the short-form intrinsic functions into their long
 * form as CloudFormation does: {@code !Ref X} becomes {@code {Ref: X}}, {@code !GetAtt A.B} becomes
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} becomes {@code {Fn::Sub: s}}, and so on. A tag that is
 * not an intrinsic function fails the parse, as it would fail the deployment.
 */
final class CloudFormationYaml {

    private static final List<String> INTRINSICS = List.of("Ref", "Condition", "Sub", "GetAtt", "If", "Select", "Split",
            "Not", "Equals", "And", "Or", "Join", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new Intrinsics(options)).load(in);
        }
    }

    private static final class Intrinsics extends SafeConstructor {
        Intrinsics(LoaderOptions options) {
            super(options);
            for (String name : INTRINSICS) {
                yamlConstructors.put(new Tag("!" + name), new LongForm(name));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String name;

            LongForm(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("!" + name + " on an unexpected node " + node);
                };
                if (name.equals("GetAtt") && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
            }
        }
    }

    /** A template value that must be a mapping; a test failure naming the value otherwise. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A template value that must be a list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list, got " + value);
        }
        return (List<Object>) value;
    }
}
