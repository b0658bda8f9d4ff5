package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.contract.CaseStoreContract;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.scoring.PersonResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreCaseStoreTest extends CaseStoreContract {
    @TempDir
    Path stateDir;
    private EmbeddedState state;

    @Override
    protected CaseStore newCaseStore() {
        state = EmbeddedState.open(stateDir);
        return state.caseStore();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    @Test
    void completingABatchOfAnUnknownCaseIsAClearError() {
        String caseId = ContractData.uniqueId("missing");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> state.caseStore().completeBatch(caseId, 3, Map.of()));
        assertTrue(e.getMessage().contains("batch 3") && e.getMessage().contains(caseId), e.getMessage());
    }

    @Test
    void aRejectionWithANegativeRowNumberIsRefused() {
        String caseId = ContractData.uniqueId("case");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> state.caseStore().addRejects(caseId, List.of(new RowRejection(-1, "row", "", "bad"))));
        assertTrue(e.getMessage().contains("negative row number"), e.getMessage());
    }

    @Test
    void rejectKeysSortInRowOrder() {
        List<String> keys = List.of(
                MvStoreCaseStore.rejectKey(new RowRejection(2, "row", null, "r")),
                MvStoreCaseStore.rejectKey(new RowRejection(10, "pay_number", null, "r")),
                MvStoreCaseStore.rejectKey(new RowRejection(Long.MAX_VALUE, null, null, "r")));
        assertEquals(keys.stream().sorted().toList(), keys);
        assertEquals("0000000000000000010/pay_number", keys.get(1));
    }

    @Test
    void anIndexEntryLeftDanglingByACrashReadsAsAbsentAndIsReused() {
        String caseId = ContractData.uniqueId("case");
        PersonResult alice = ContractData.matchedResult(caseId, "MP-ALICE", 0);
        state.caseStore().putResultIfAbsent(alice);
        state.close();
        // A crash between the two writes of putResultIfAbsent can persist the index entry without its result;
        // with sequence numbers reused after restart, it could even name another person's result.
        try (var raw = org.h2.mvstore.MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            var index = raw.openMap("case.payIndex/" + caseId, new org.h2.mvstore.MVMap.Builder<String, Long>()
                    .keyType(org.h2.mvstore.type.StringDataType.INSTANCE)
                    .valueType(org.h2.mvstore.type.LongDataType.INSTANCE));
            index.put("MP-GONE", 12345L);
            index.put("MP-BOB", index.get("MP-ALICE"));
        }
        state = EmbeddedState.open(stateDir);
        CaseStore store = state.caseStore();

        assertEquals(Optional.empty(), store.findResult(caseId, "MP-GONE"));
        assertEquals(Optional.empty(), store.findResult(caseId, "MP-BOB"), "never another person's result");
        assertFalse(store.replaceResult(ContractData.matchedResult(caseId, "MP-BOB", 1), 0));
        List<String> listed = new ArrayList<>();
        store.forEachResult(caseId, r -> listed.add(r.payNumber()));
        assertEquals(List.of("MP-ALICE"), listed);

        PersonResult bob = ContractData.unmatchedResult(caseId, "MP-BOB", 0);
        assertEquals(Optional.empty(), store.putResultIfAbsent(bob));
        assertEquals(Optional.empty(), store.putResultIfAbsent(ContractData.unmatchedResult(caseId, "MP-GONE", 0)));
        assertEquals(Optional.of(bob), store.findResult(caseId, "MP-BOB"));
        assertEquals(Optional.of(alice), store.findResult(caseId, "MP-ALICE"));
        listed.clear();
        store.forEachResult(caseId, r -> listed.add(r.payNumber()));
        assertEquals(List.of("MP-ALICE", "MP-BOB", "MP-GONE"), listed);
    }

    @Test
    void readingAnUnknownCaseCreatesNothingInTheFile() {
        String caseId = ContractData.uniqueId("missing");
        state.caseStore().forEachResult(caseId, r -> { });
        state.caseStore().forEachReject(caseId, r -> { });
        state.caseStore().decisions(caseId);
        state.caseStore().markNoticesSent(caseId, List.of("MP1"));
        state.close();
        try (var raw = org.h2.mvstore.MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            assertTrue(raw.getMapNames().stream().noneMatch(name -> name.contains(caseId)), raw.getMapNames().toString());
        }
        state = EmbeddedState.open(stateDir); // for closeState
    }
}
