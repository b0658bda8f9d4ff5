package org.breachtriage.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.aws.ResourceNames;

/**
 * What a function's IAM policies in template.yaml allow, read as IAM will see them: a list of (action
 * pattern, template resource, part of it) grants. And the other half of the check: which IAM actions
 * an SDK call needs, and which template resource a name the SDK addressed (table, queue URL, topic
 * ARN, bucket) stands for.
 */
final class FunctionPolicies {

    /**
     * An allowed action (IAM wildcards: {@code sqs:SendMessage*}) on a template resource (its logical id),
     * and which part of it the ARN names: {@link #ITSELF} for the resource's own ARN (a table, a queue, a
     * bucket to list), a pattern for what lies under it ({@code letters/*} of a bucket's objects,
     * {@code index/cases-by-opened-at} of a table). As in IAM, a grant on a table is not one on its indexes.
     */
    record Grant(String action, String resource, String keyPattern) {
        /** The {@link #keyPattern} of a grant on the resource's own ARN. */
        static final String ITSELF = "";

        /**
         * Does it allow this action on this resource, and on the part of it the call addressed: an object
         * key, {@code index/<name>} for a query of an index, null for the resource itself?
         */
        boolean allows(String wanted, String wantedResource, String objectKey) {
            String name = wanted.toLowerCase(Locale.ROOT);
            boolean keyMatches = keyPattern.equals(ITSELF) ? objectKey == null : objectKey != null && glob(keyPattern, objectKey);
            return glob(action.toLowerCase(Locale.ROOT), name) && resource.equals(wantedResource) && keyMatches;
        }

        boolean allows(String wanted, String wantedResource) {
            return allows(wanted, wantedResource, null);
        }

        /** IAM's matching: '*' is any run of characters (keys and actions here use no '?'). */
        private static boolean glob(String pattern, String text) {
            return text.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }
    }

    /**
     * SDK operations whose IAM action is not {@code service:Operation}. Every other operation of the
     * four services maps to its own name (DynamoDb.BatchGetItem → dynamodb:BatchGetItem).
     */
    private static final Map<String, String> IAM_ACTION_EXCEPTIONS = Map.ofEntries(
            Map.entry("S3.HeadObject", "s3:GetObject"),
            Map.entry("S3.CreateMultipartUpload", "s3:PutObject"),
            Map.entry("S3.UploadPart", "s3:PutObject"),
            Map.entry("S3.CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("S3.ListObjectsV2", "s3:ListBucket"),
            Map.entry("S3.HeadBucket", "s3:ListBucket"),
            Map.entry("Sqs.SendMessageBatch", "sqs:SendMessage"),
            Map.entry("Sqs.DeleteMessageBatch", "sqs:DeleteMessage"),
            Map.entry("Sqs.ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility"),
            Map.entry("Sns.PublishBatch", "sns:Publish"));

    private static final Map<String, String> IAM_PREFIX = Map.of("S3", "s3", "DynamoDb", "dynamodb", "Sqs", "sqs", "Sns", "sns");

    /**
     * Actions a call needs besides its own, on the resource itself. S3 tells a principal that may not
     * list the bucket "403 Access Denied" for a key that does not exist, not "404"; S3ObjectStore takes a
     * 404 for "no such object" (a manifest without its sidecar), and a 403 for a failure.
     */
    private static final Map<String, List<String>> ALSO_NEEDED = Map.of(
            "S3.HeadObject", List.of("s3:ListBucket"),
            "S3.GetObject", List.of("s3:ListBucket"));

    private final Map<String, Object> resources;
    private final Map<String, Object> globalVariables;

    FunctionPolicies(Map<String, Object> template) {
        this.resources = map(template.get("Resources"));
        Object globalFunction = map(template.getOrDefault("Globals", Map.of())).get("Function");
        Object environment = globalFunction == null ? null : map(globalFunction).get("Environment");
        this.globalVariables = environment == null ? Map.of() : map(map(environment).get("Variables"));
    }

    /** The IAM action an SDK call ({@code Service.Operation}, as {@link org.breachtriage.aws.RequestCounter} keys it) needs. */
    static String iamAction(String serviceOperation) {
        String exception = IAM_ACTION_EXCEPTIONS.get(serviceOperation);
        if (exception != null) {
            return exception;
        }
        int dot = serviceOperation.indexOf('.');
        String prefix = IAM_PREFIX.get(serviceOperation.substring(0, dot));
        if (prefix == null) {
            throw new AssertionError("no IAM prefix known for " + serviceOperation + "; add its service to IAM_PREFIX");
        }
        return prefix + ":" + serviceOperation.substring(dot + 1);
    }

    /** What a call ({@code Service.Operation}) needs on its resource itself, besides {@link #iamAction}. */
    static List<String> alsoNeeded(String serviceOperation) {
        return ALSO_NEEDED.getOrDefault(serviceOperation, List.of());
    }

    /** The logical id of the function whose Handler is this class's handleRequest. */
    String functionFor(Class<?> handler) {
        String wanted = handler.getName() + "::handleRequest";
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> r = map(resource.getValue());
            if ("AWS::Serverless::Function".equals(r.get("Type")) && wanted.equals(map(r.get("Properties")).get("Handler"))) {
                return resource.getKey();
            }
        }
        throw new AssertionError("no function in template.yaml has Handler " + wanted);
    }

    /**
     * Every grant of a function's Policies, inline statements as written. A SAM policy template fails:
     * each grants more than any function here calls (S3WritePolicy s3:PutObjectAcl, DynamoDBCrudPolicy
     * DeleteItem and Scan), so the policies say the calls themselves.
     */
    List<Grant> grants(String function) {
        List<Grant> grants = new ArrayList<>();
        for (Object policy : list(map(map(resources.get(function)).get("Properties")).get("Policies"))) {
            Map<String, Object> entry = map(policy);
            String name = entry.keySet().iterator().next();
            Object argument = entry.get(name);
            if (name.equals("Statement")) {
                for (Object statement : list(argument)) {
                    Map<String, Object> s = map(statement);
                    if (!"Allow".equals(s.get("Effect"))) {
                        continue;
                    }
                    for (Object resource : asList(s.get("Resource"))) {
                        String logical = resourceOf(resource).orElseThrow(() ->
                                new AssertionError(function + ": cannot tell which resource " + resource + " is"));
                        String keys = keyPatternOf(resource, logical);
                        asList(s.get("Action")).forEach(a -> grants.add(new Grant(String.valueOf(a), logical, keys)));
                    }
                }
                continue;
            }
            throw new AssertionError(function + " uses the SAM policy template " + name
                    + ", which grants more than the code calls; write the calls it needs as a Statement");
        }
        return grants;
    }

    /**
     * Runtime resource name → template logical id, through the variables the functions read: the
     * names a deployment (or the emulators) gives each variable, and what template.yaml sets it to.
     */
    Map<String, String> logicalIdsOf(ResourceNames deployed) {
        Map<String, String> byName = new LinkedHashMap<>();
        deployed.toEnvironment().forEach((variable, name) -> {
            Object value = globalVariables.get(variable);
            if (value != null) {
                resourceOf(value).ifPresent(logical -> byName.put(name, logical));
            }
        });
        return byName;
    }

    /**
     * The logical id a template value stands for: {@code !Ref X}, {@code !GetAtt X.Attr}, a {@code !Sub}
     * of {@code ${X.Arn}} (and what lies under it), or a {@code !Sub} that is (or is an ARN around) a
     * resource's own name, as the bucket is named.
     */
    Optional<String> resourceOf(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.get("Ref") instanceof String ref && resources.containsKey(ref)) {
                return Optional.of(ref);
            }
            if (m.get("Fn::GetAtt") instanceof List<?> getAtt && resources.containsKey(String.valueOf(getAtt.get(0)))) {
                return Optional.of(String.valueOf(getAtt.get(0)));
            }
            if (m.get("Fn::Sub") instanceof String sub) {
                Matcher arn = SUB_OF_ARN.matcher(sub);
                if (arn.matches() && resources.containsKey(arn.group(1))) {
                    return Optional.of(arn.group(1));
                }
                for (Map.Entry<String, Object> resource : resources.entrySet()) {
                    Object props = map(resource.getValue()).get("Properties");
                    for (String nameProperty : List.of("BucketName", "TableName", "QueueName", "TopicName")) {
                        if (props instanceof Map<?, ?> p && p.get(nameProperty) instanceof Map<?, ?> name
                                && name.get("Fn::Sub") instanceof String own && sub.contains(own)) {
                            return Optional.of(resource.getKey());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ${X.Arn}}, optionally followed by {@code /} and what lies under it. */
    private static final Pattern SUB_OF_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}(?:/(.*))?");

    /**
     * What part of its resource an ARN in a statement names (see {@link Grant#keyPattern}): the object
     * keys of a bucket's objects ({@code letters/*} in {@code arn:…:s3:::<bucket>/letters/*}, {@code *}
     * for every object), what follows {@code ${X.Arn}/} ({@code index/cases-by-opened-at}), or
     * {@link Grant#ITSELF} for the resource's own ARN ({@code !GetAtt X.Arn}, {@code !Ref X}, the bucket).
     */
    String keyPatternOf(Object value, String logical) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("Fn::Sub") instanceof String sub)) {
            return Grant.ITSELF;
        }
        Matcher arn = SUB_OF_ARN.matcher(sub);
        if (arn.matches()) {
            return arn.group(2) == null ? Grant.ITSELF : arn.group(2);
        }
        Object props = map(resources.get(logical)).get("Properties");
        if (!(props instanceof Map<?, ?> p) || !(p.get("BucketName") instanceof Map<?, ?> name)
                || !(name.get("Fn::Sub") instanceof String bucket)) {
            return Grant.ITSELF;
        }
        int at = sub.indexOf(bucket + "/");
        return at < 0 ? Grant.ITSELF : sub.substring(at + bucket.length() + 1);
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    private static Map<String, Object> map(Object value) {
        return CloudFormationYaml.map(value);
    }

    private static List<Object> list(Object value) {
        return CloudFormationYaml.list(value);
    }
}
