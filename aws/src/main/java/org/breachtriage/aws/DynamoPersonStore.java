package org.breachtriage.aws;

import static org.breachtriage.aws.CaseItems.VERSION;
import static org.breachtriage.aws.CaseItems.number;
import static org.breachtriage.aws.CaseTableSchema.PERSON_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.PK;
import static org.breachtriage.aws.CaseTableSchema.incidentPk;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.PersonStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link PersonStore} on the case table: one item per person under the incident's partition
 * ({@code INCIDENT#<id>}, {@code PERSON#<pay number>}). Every once-only write is one conditional
 * request on that item: the first record is put only if absent (the failed condition hands back the
 * stored item, or it is read again where the service does not), a later one replaces a known version,
 * and publishing a notice sets its own attribute and adds 1 to the version, conditional on the notice
 * existing and not yet being published. No transactions.
 */
public final class DynamoPersonStore implements PersonStore {
    private final DynamoTable table;
    private final DynamoBatches batches;

    public DynamoPersonStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** {@code queryPageSize} limits items per Query page (null: DynamoDB's 1 MB pages); tests make it small. */
    public DynamoPersonStore(DynamoDbClient dynamo, String table, Integer queryPageSize) {
        this(dynamo, table, queryPageSize, Backoff.DEFAULT);
    }

    /** {@code backoff} paces the retries of keys a BatchGetItem hands back unprocessed; tests make it fast. */
    public DynamoPersonStore(DynamoDbClient dynamo, String table, Integer queryPageSize, Backoff backoff) {
        this.table = new DynamoTable(dynamo, table, queryPageSize);
        // Consistent, as find is: the release step reads people a batch has just written.
        this.batches = new DynamoBatches(dynamo, table, backoff, true);
    }

    @Override
    public Optional<IncidentPerson> putIfAbsent(IncidentPerson person) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(IncidentItems.personItem(person))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = table.storedItem(e,
                    IncidentItems.personKey(person.incidentId(), person.payNumber()))
                    .orElseThrow(() -> new IllegalStateException("a person of incident " + person.incidentId()
                            + " existed when written but could not be read back"));
            return Optional.of(IncidentItems.person(person.incidentId(), stored));
        }
    }

    @Override
    public boolean replace(IncidentPerson updated, int expectedVersion) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(IncidentItems.personItem(updated))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<IncidentPerson> find(String incidentId, String payNumber) {
        return table.get(IncidentItems.personKey(incidentId, payNumber)).map(item -> IncidentItems.person(incidentId, item));
    }

    /** One consistent BatchGetItem per 100 people, unprocessed keys retried; in the order asked. */
    @Override
    public List<IncidentPerson> findAll(String incidentId, Collection<String> payNumbers) {
        // BatchGetItem refuses a request that names the same key twice.
        Set<String> asked = new LinkedHashSet<>(payNumbers);
        List<Map<String, AttributeValue>> keys = asked.stream().map(p -> IncidentItems.personKey(incidentId, p)).toList();
        Map<String, IncidentPerson> found = new HashMap<>();
        batches.getAll(keys, item -> {
            IncidentPerson person = IncidentItems.person(incidentId, item);
            found.put(person.payNumber(), person);
        });
        return asked.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
        table.queryPrefix(incidentPk(incidentId), PERSON_PREFIX, item -> consumer.accept(IncidentItems.person(incidentId, item)));
    }

    /** One UpdateItem, no read: the publication's own attribute, and the version moved on. */
    @Override
    public boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(IncidentItems.personKey(incidentId, payNumber))
                    .updateExpression("SET #published = :at ADD #version :one")
                    .conditionExpression("attribute_exists(#pk) AND contains(#ids, :id) AND attribute_not_exists(#published)")
                    .expressionAttributeNames(Map.of("#published", IncidentItems.PUBLISHED_PREFIX + noticeId,
                            "#version", VERSION, "#pk", PK, "#ids", IncidentItems.NOTICE_IDS))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()), ":one", number(1),
                            ":id", AttributeValue.fromS(noticeId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
