package org.breachtriage.aws;

import static org.breachtriage.aws.CaseItems.VERSION;
import static org.breachtriage.aws.CaseItems.number;
import static org.breachtriage.aws.CaseTableSchema.INCIDENT_LIST_VALUE;
import static org.breachtriage.aws.CaseTableSchema.PK;
import static org.breachtriage.aws.CaseTableSchema.incidentPk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.IncidentStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link IncidentStore} on the case table (see {@link CaseTableSchema}): one META item per incident
 * holding its JSON body and version. Creating is a PutItem conditional on the item being absent;
 * replacing is an UpdateItem of body and version conditional on the version, so it leaves the
 * decision sequence beside it alone. No transactions.
 */
public final class DynamoIncidentStore implements IncidentStore {
    private final DynamoTable table;

    public DynamoIncidentStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** {@code queryPageSize} limits items per Query page (null: DynamoDB's 1 MB pages); tests make it small. */
    public DynamoIncidentStore(DynamoDbClient dynamo, String table, Integer queryPageSize) {
        this.table = new DynamoTable(dynamo, table, queryPageSize);
    }

    @Override
    public CreateOutcome create(IncidentRecord candidate) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(IncidentItems.incidentItem(candidate))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new CreateOutcome(candidate, true);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = table.storedItem(e, IncidentItems.metaKey(candidate.incidentId()))
                    .orElseThrow(() -> new IllegalStateException("incident " + candidate.incidentId()
                            + " existed when created but could not be read back"));
            return new CreateOutcome(IncidentItems.incident(stored), false);
        }
    }

    @Override
    public Optional<IncidentRecord> find(String incidentId) {
        return table.get(IncidentItems.metaKey(incidentId)).map(IncidentItems::incident);
    }

    @Override
    public List<IncidentRecord> list() {
        List<IncidentRecord> incidents = new ArrayList<>();
        table.queryList(INCIDENT_LIST_VALUE, item -> incidents.add(IncidentItems.incident(item)));
        return incidents;
    }

    @Override
    public boolean replace(IncidentRecord updated, int expectedVersion) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(IncidentItems.metaKey(updated.incidentId()))
                    .updateExpression("SET #body = :body, #version = :version")
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#body", IncidentItems.BODY, "#version", VERSION))
                    .expressionAttributeValues(Map.of(":body", AttributeValue.fromS(Json.write(updated)),
                            ":version", number(updated.version()), ":expected", number(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void appendDecision(String incidentId, DecisionEntry entry) {
        table.appendDecision(incidentPk(incidentId), "incident " + incidentId, entry);
    }

    @Override
    public List<DecisionEntry> decisions(String incidentId) {
        return table.decisions(incidentPk(incidentId));
    }
}
