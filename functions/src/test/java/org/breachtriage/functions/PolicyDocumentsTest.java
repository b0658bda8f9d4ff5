package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.breachtriage.functions.PolicyDocuments.Decision;
import org.breachtriage.functions.PolicyDocuments.Request;
import org.junit.jupiter.api.Test;

/**
 * The evaluator TemplateTest judges the resource policies with, on statements written here: if it
 * were wrong, the template's tests would prove nothing.
 */
class PolicyDocumentsTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-2:111122223333:notices";
    private static final String ALICE = "arn:aws:iam::111122223333:role/alice";
    private static final String BOB = "arn:aws:iam::111122223333:role/bob";

    private static Map<String, Object> statement(String effect, Object principal, Object action, Map<String, Object> condition) {
        return condition == null
                ? Map.of("Effect", effect, "Principal", principal, "Action", action, "Resource", TOPIC)
                : Map.of("Effect", effect, "Principal", principal, "Action", action, "Resource", TOPIC, "Condition", condition);
    }

    private static Request subscribe(String who) {
        return new Request(who, "sns:Subscribe", TOPIC, Map.of()).overTls(true);
    }

    @Test
    void aDenyWinsOverAnAllowAndNoStatementLeavesTheDecisionToIam() {
        List<Map<String, Object>> policy = List.of(
                statement("Allow", Map.of("AWS", ALICE), "sns:Subscribe", null),
                statement("Deny", "*", "sns:Subscribe", Map.of("ArnEquals", Map.of("aws:PrincipalArn", ALICE))));
        assertEquals(Decision.EXPLICIT_DENY, PolicyDocuments.evaluate(policy, subscribe(ALICE)));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(policy, subscribe(BOB)));
        assertEquals(Decision.ALLOW, PolicyDocuments.evaluate(List.of(policy.get(0)), subscribe(ALICE)));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(List.of(policy.get(0)),
                new Request(ALICE, "sns:Publish", TOPIC, Map.of())), "another action");
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(List.of(policy.get(0)),
                new Request(ALICE, "sns:Subscribe", TOPIC + "-2", Map.of())), "another resource");
    }

    @Test
    void actionsMatchWithoutCaseAndWithWildcardsAndAnAccountsRootStandsForItsPrincipals() {
        List<Map<String, Object>> policy = List.of(statement("Allow", Map.of("AWS", "arn:aws:iam::111122223333:root"),
                List.of("SNS:Sub*"), null));
        assertEquals(Decision.ALLOW, PolicyDocuments.evaluate(policy, subscribe(ALICE)));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(policy, subscribe("arn:aws:iam::444455556666:role/alice")));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(policy, subscribe("cloudwatch.amazonaws.com")),
                "a service is no principal of the account");
    }

    /** IAM's rule for a key the request does not carry: a negated operator holds, any other fails. */
    @Test
    void aMissingConditionKeySatisfiesOnlyTheNegatedOperators() {
        Request service = new Request("sns.amazonaws.com", "sns:Subscribe", TOPIC, Map.of()).overTls(true);
        List<Map<String, Object>> notEquals = List.of(statement("Deny", "*", "sns:Subscribe",
                Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ALICE))));
        assertEquals(Decision.EXPLICIT_DENY, PolicyDocuments.evaluate(notEquals, service), "a service has no aws:PrincipalArn");
        List<Map<String, Object>> equals = List.of(statement("Allow", "*", "sns:Subscribe",
                Map.of("StringEquals", Map.of("aws:SourceAccount", "111122223333"))));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(equals, service));
        assertEquals(Decision.ALLOW, PolicyDocuments.evaluate(equals, new Request("sns.amazonaws.com", "sns:Subscribe", TOPIC,
                Map.of("aws:SourceAccount", "111122223333"))));
    }

    @Test
    void tlsIsABooleanConditionAndAllConditionsOfAStatementMustHold() {
        List<Map<String, Object>> policy = List.of(statement("Deny", "*", "sns:*",
                Map.of("Bool", Map.of("aws:SecureTransport", "false"), "ArnLike", Map.of("aws:PrincipalArn", "arn:aws:iam::*:role/a*"))));
        assertEquals(Decision.EXPLICIT_DENY, PolicyDocuments.evaluate(policy, subscribe(ALICE).overTls(false)));
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(policy, subscribe(ALICE)), "over TLS");
        assertEquals(Decision.NO_DECISION, PolicyDocuments.evaluate(policy, subscribe(BOB).overTls(false)), "not a role named a*");
    }

    @Test
    void whatTheEvaluatorDoesNotKnowFailsRatherThanPassing() {
        AssertionError operator = assertThrows(AssertionError.class, () -> PolicyDocuments.evaluate(List.of(statement("Deny", "*",
                "sns:Subscribe", Map.of("IpAddress", Map.of("aws:SourceIp", "10.0.0.0/8")))), subscribe(ALICE)));
        assertTrue(operator.getMessage().contains("IpAddress"), operator.getMessage());
        AssertionError notAction = assertThrows(AssertionError.class, () -> PolicyDocuments.evaluate(List.of(
                Map.of("Effect", "Deny", "Principal", "*", "NotAction", "sns:Publish", "Resource", TOPIC)), subscribe(ALICE)));
        assertTrue(notAction.getMessage().contains("NotAction"), notAction.getMessage());
    }
}
