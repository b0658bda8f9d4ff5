package org.breachtriage.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.aws.ResourceNames;

/**
 * What a function's IAM policies in template.yaml allow, read as IAM will see them once SAM has
 * expanded its policy templates: a list of (action pattern, template resource) grants. And the other
 * half of the check: which IAM action an SDK call needs, and which template resource a name the SDK
 * addressed (table, queue URL, topic ARN, bucket) stands for.
 */
final class FunctionPolicies {

    /**
     * An allowed action (IAM wildcards: {@code sqs:SendMessage*}) on a template resource (its logical id),
     * and for a grant on some of a bucket's objects, the key pattern of the ARN ({@code letters/*}); null
     * for the resource as a whole (the bucket and all its objects, as SAM's S3 templates grant).
     */
    record Grant(String action, String resource, String keyPattern) {
        Grant(String action, String resource) {
            this(action, resource, null);
        }

        /** Does it allow this action on this resource (and, for a call on an object, this key; null: none)? */
        boolean allows(String wanted, String wantedResource, String objectKey) {
            String name = wanted.toLowerCase(Locale.ROOT);
            boolean keyMatches = keyPattern == null || (objectKey != null && glob(keyPattern, objectKey));
            return glob(action.toLowerCase(Locale.ROOT), name) && resource.equals(wantedResource) && keyMatches;
        }

        boolean allows(String wanted, String wantedResource) {
            return allows(wanted, wantedResource, null);
        }

        /** IAM's matching: '*' is any run of characters (keys and actions here use no '?'). */
        private static boolean glob(String pattern, String text) {
            return text.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }
    }

    /**
     * The actions of the SAM policy templates the template uses, as aws-sam-translator's
     * policy_templates.json defines them (each on the named resource, and for S3 its objects, for
     * DynamoDB its indexes).
     */
    static final Map<String, List<String>> SAM_POLICY_TEMPLATES = Map.of(
            "S3ReadPolicy", List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
                    "s3:GetLifecycleConfiguration"),
            "S3WritePolicy", List.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"),
            "DynamoDBReadPolicy", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable"),
            "DynamoDBCrudPolicy", List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
                    "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"),
            "SQSSendMessagePolicy", List.of("sqs:SendMessage*"),
            "SNSPublishMessagePolicy", List.of("sns:Publish"),
            "KMSDecryptPolicy", List.of("kms:Decrypt"));

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

    /** Every grant of a function's Policies: SAM policy templates expanded, inline statements as written. */
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
            List<String> actions = SAM_POLICY_TEMPLATES.get(name);
            if (actions == null) {
                throw new AssertionError(function + " uses the SAM policy template " + name
                        + ", which FunctionPolicies does not know; add its actions from policy_templates.json");
            }
            Object named = map(argument).values().iterator().next();
            String logical = resourceOf(named).orElseThrow(() ->
                    new AssertionError(function + ": " + name + " names " + named + ", which is no resource of the template"));
            actions.forEach(a -> grants.add(new Grant(a, logical)));
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
     * The logical id a template value stands for: {@code !Ref X}, {@code !GetAtt X.Attr}, or a
     * {@code !Sub} that is (or is an ARN around) a resource's own name, as the bucket is named.
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

    /**
     * The object keys an ARN of a bucket's objects names ({@code letters/*} in
     * {@code arn:…:s3:::<bucket>/letters/*}), or null for every object ({@code /*}) or none (not an object ARN).
     */
    String keyPatternOf(Object value, String logical) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("Fn::Sub") instanceof String sub)) {
            return null;
        }
        Object props = map(resources.get(logical)).get("Properties");
        if (!(props instanceof Map<?, ?> p) || !(p.get("BucketName") instanceof Map<?, ?> name)
                || !(name.get("Fn::Sub") instanceof String bucket)) {
            return null;
        }
        int at = sub.indexOf(bucket + "/");
        if (at < 0) {
            return null;
        }
        String keys = sub.substring(at + bucket.length() + 1);
        return keys.equals("*") ? null : keys;
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
