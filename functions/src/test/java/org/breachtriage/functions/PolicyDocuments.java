package org.breachtriage.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource policies of template.yaml (topic, queue, bucket policies) as AWS would hold them for
 * given parameter values, and a small evaluator of their statements: enough of IAM's policy logic to
 * say whether a request is explicitly denied, allowed, or left to the caller's own IAM policies.
 *
 * <p>What it knows: {@code Effect} Allow and Deny (an explicit deny wins over any allow), {@code Principal}
 * ({@code *}, {@code AWS}: a principal's ARN or an account's root, which stands for every principal of
 * the account, {@code Service}), {@code Action} and {@code Resource} with {@code *} wildcards, and the
 * condition operators in {@link #OPERATORS}. A statement using anything else fails the test that
 * evaluates it, so a new construct is thought about rather than silently ignored.
 */
final class PolicyDocuments {

    /** What a resource policy says about a request. */
    enum Decision {
        /** A statement denies it: nobody's own IAM policy can overturn that. */
        EXPLICIT_DENY,
        /** A statement allows it and none denies it. */
        ALLOW,
        /** No statement applies: the caller's own IAM policy decides (within its account). */
        NO_DECISION
    }

    /**
     * A request as the policy sees it: who ({@code principal}, an IAM ARN or a service such as
     * {@code cloudwatch.amazonaws.com}), what, on which resource (as the resolved template names it), and
     * the request's condition keys besides {@code aws:PrincipalArn}, e.g. {@code aws:SecureTransport}.
     */
    record Request(String principal, String action, String resource, Map<String, String> context) {
        Request overTls(boolean tls) {
            Map<String, String> c = new LinkedHashMap<>(context);
            c.put("aws:SecureTransport", Boolean.toString(tls));
            return new Request(principal, action, resource, c);
        }

        private String value(String key) {
            if (key.equalsIgnoreCase("aws:PrincipalArn")) {
                return principal.startsWith("arn:") ? principal : null;
            }
            for (Map.Entry<String, String> e : context.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /** The account and region the resolved template is deployed in. */
    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-2";

    /** The condition operators the evaluator knows (IAM's names). */
    static final List<String> OPERATORS = List.of("Bool", "StringEquals", "StringNotEquals", "StringLike", "StringNotLike",
            "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike");

    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Object> template;
    private final Map<String, String> parameters;

    /** The template as deployed with these parameter values (others at their defaults). */
    PolicyDocuments(Map<String, Object> template, Map<String, String> parameters) {
        this.template = template;
        this.parameters = new LinkedHashMap<>();
        CloudFormationYaml.map(template.get("Parameters")).forEach((name, p) ->
                this.parameters.put(name, String.valueOf(CloudFormationYaml.map(p).get("Default"))));
        this.parameters.putAll(parameters);
    }

    /** The ARN a resolved template gives a resource ({@code !Ref} of a topic or queue, {@code !GetAtt X.Arn}). */
    static String arnOf(String logicalId) {
        return "arn-of:" + logicalId;
    }

    /**
     * The statements of every policy of {@code policyType} (e.g. {@code AWS::SNS::TopicPolicy}) that
     * applies to {@code resource}, through {@code listProperty} ({@code Topics}, {@code Queues}) or
     * {@code Bucket}, resolved.
     */
    List<Map<String, Object>> statementsFor(String policyType, String listProperty, String resource) {
        List<Map<String, Object>> statements = new ArrayList<>();
        CloudFormationYaml.map(template.get("Resources")).forEach((name, r) -> {
            Map<String, Object> policy = CloudFormationYaml.map(r);
            if (!policyType.equals(policy.get("Type"))) {
                return;
            }
            Map<String, Object> props = CloudFormationYaml.map(policy.get("Properties"));
            Object targets = props.get(listProperty);
            List<?> named = targets instanceof List<?> l ? l : List.of(Objects.requireNonNullElse(targets, List.of()));
            if (!named.contains(Map.of("Ref", resource))) {
                return;
            }
            Object document = resolve(props.get("PolicyDocument"));
            for (Object statement : CloudFormationYaml.list(CloudFormationYaml.map(document).get("Statement"))) {
                statements.add(CloudFormationYaml.map(statement));
            }
        });
        return statements;
    }

    /** IAM's evaluation of one policy: a matching Deny wins, else a matching Allow, else no decision. */
    static Decision evaluate(List<Map<String, Object>> statements, Request request) {
        boolean allowed = false;
        for (Map<String, Object> statement : statements) {
            if (!applies(statement, request)) {
                continue;
            }
            switch (String.valueOf(statement.get("Effect"))) {
                case "Deny" -> {
                    return Decision.EXPLICIT_DENY;
                }
                case "Allow" -> allowed = true;
                default -> throw new AssertionError("a statement with Effect " + statement.get("Effect") + ": " + statement);
            }
        }
        return allowed ? Decision.ALLOW : Decision.NO_DECISION;
    }

    private static boolean applies(Map<String, Object> statement, Request request) {
        for (String unsupported : List.of("NotPrincipal", "NotAction", "NotResource")) {
            if (statement.containsKey(unsupported)) {
                throw new AssertionError("the evaluator does not know " + unsupported + ": " + statement);
            }
        }
        return principalMatches(statement.get("Principal"), request.principal())
                && values(statement.get("Action")).stream().anyMatch(a -> glob(a, request.action(), true))
                && values(statement.get("Resource")).stream().anyMatch(r -> glob(r, request.resource(), false))
                && conditionsHold(statement.get("Condition"), request);
    }

    private static boolean principalMatches(Object principal, String who) {
        if ("*".equals(principal)) {
            return true;
        }
        Map<String, Object> kinds = CloudFormationYaml.map(principal);
        for (Map.Entry<String, Object> kind : kinds.entrySet()) {
            for (String named : values(kind.getValue())) {
                boolean matches = switch (kind.getKey()) {
                    case "AWS" -> named.equals("*") || named.equals(who) || (named.endsWith(":root")
                            && who.startsWith(named.substring(0, named.length() - "root".length())));
                    case "Service" -> named.equals(who);
                    default -> throw new AssertionError("the evaluator does not know principals of kind " + kind.getKey());
                };
                if (matches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean conditionsHold(Object condition, Request request) {
        if (condition == null) {
            return true;
        }
        for (Map.Entry<String, Object> operator : CloudFormationYaml.map(condition).entrySet()) {
            if (!OPERATORS.contains(operator.getKey())) {
                throw new AssertionError("the evaluator does not know the condition operator " + operator.getKey());
            }
            for (Map.Entry<String, Object> test : CloudFormationYaml.map(operator.getValue()).entrySet()) {
                if (!holds(operator.getKey(), request.value(test.getKey()), values(test.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One condition: the request's value against the statement's (any of them); a missing key fails all but the negated operators. */
    private static boolean holds(String operator, String actual, List<String> expected) {
        boolean negated = operator.contains("Not");
        if (actual == null) {
            return negated;
        }
        boolean like = operator.endsWith("Like") || operator.startsWith("Arn");
        boolean any = expected.stream().anyMatch(e -> operator.equals("Bool") ? e.equalsIgnoreCase(actual)
                : like ? glob(e, actual, false) : e.equals(actual));
        return negated != any;
    }

    private static boolean glob(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        return t.matches(Pattern.quote(p).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }

    private static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    // --- the template as deployed ---------------------------------------------------------

    /** A template value with its intrinsic functions worked out for the parameters; {@code AWS::NoValue} leaves nothing. */
    Object resolve(Object value) {
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                Object resolved = resolve(item);
                if (resolved != NO_VALUE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            return value;
        }
        if (m.size() == 1) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            String function = String.valueOf(only.getKey());
            Object argument = only.getValue();
            switch (function) {
                case "Ref" -> {
                    return ref(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    List<Object> at = CloudFormationYaml.list(argument);
                    if (!"Arn".equals(at.get(1))) {
                        throw new AssertionError("the resolver knows only !GetAtt X.Arn, not " + at);
                    }
                    return arnOf(String.valueOf(at.get(0)));
                }
                case "Fn::Sub" -> {
                    return sub(String.valueOf(argument));
                }
                case "Fn::If" -> {
                    List<Object> branches = CloudFormationYaml.list(argument);
                    return resolve(condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
                }
                default -> {
                    if (function.startsWith("Fn::")) {
                        throw new AssertionError("the resolver does not know " + function);
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Object resolved = resolve(v);
            if (resolved != NO_VALUE) {
                out.put(String.valueOf(k), resolved);
            }
        });
        return out;
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::NoValue" -> NO_VALUE;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Region" -> REGION;
            case "AWS::Partition" -> "aws";
            default -> parameters.containsKey(name) ? parameters.get(name) : arnOf(name);
        };
    }

    private String sub(String text) {
        Matcher variable = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.endsWith(".Arn") ? arnOf(name.substring(0, name.length() - ".Arn".length())) : String.valueOf(ref(name));
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private boolean condition(String name) {
        return truth(CloudFormationYaml.map(template.get("Conditions")).get(name));
    }

    private boolean truth(Object expression) {
        Map<String, Object> e = CloudFormationYaml.map(expression);
        Map.Entry<String, Object> only = e.entrySet().iterator().next();
        List<Object> args = only.getKey().equals("Condition") ? List.of() : CloudFormationYaml.list(only.getValue());
        return switch (only.getKey()) {
            case "Condition" -> condition(String.valueOf(only.getValue()));
            case "Fn::Not" -> !truth(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Fn::Equals" -> Objects.equals(String.valueOf(resolve(args.get(0))), String.valueOf(resolve(args.get(1))));
            default -> throw new AssertionError("the resolver does not know the condition function " + only.getKey());
        };
    }
}
