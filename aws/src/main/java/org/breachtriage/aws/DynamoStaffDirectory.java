package org.breachtriage.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link StaffDirectory} on a DynamoDB table keyed by {@code payNumber} (S). Lookups use
 * BatchGetItem of at most 100 keys, so scoring a batch of 100 rows costs one read request. Reads are
 * eventually consistent (half the read capacity): the staff table is imported well before a breach
 * manifest is scored, not in the same second.
 */
public final class DynamoStaffDirectory implements StaffDirectory {

    private final String table;
    private final DynamoBatches batches;

    public DynamoStaffDirectory(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Backoff.DEFAULT);
    }

    public DynamoStaffDirectory(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.table = table;
        this.batches = new DynamoBatches(dynamo, table, backoff, false);
    }

    @Override
    public Map<String, StaffMember> findAll(Collection<String> payNumbers) {
        // BatchGetItem refuses a request that names the same key twice.
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String payNumber : new LinkedHashSet<>(payNumbers)) {
            if (payNumber != null && !payNumber.isEmpty()) {
                keys.add(StaffItems.key(payNumber));
            }
        }
        Map<String, StaffMember> found = new HashMap<>();
        batches.getAll(keys, item -> {
            StaffMember member = StaffItems.fromItem(item, table);
            found.put(member.payNumber(), member);
        });
        return found;
    }

    @Override
    public void putAll(Collection<StaffMember> members) {
        // The last of several entries for one pay number wins, as repeated single puts would do;
        // BatchWriteItem itself refuses duplicates in one request.
        Map<String, WriteRequest> writes = new LinkedHashMap<>();
        for (StaffMember member : members) {
            writes.remove(member.payNumber());
            writes.put(member.payNumber(),
                    WriteRequest.builder().putRequest(PutRequest.builder().item(StaffItems.toItem(member)).build()).build());
        }
        batches.writeAll(new ArrayList<>(writes.values()));
    }
}
