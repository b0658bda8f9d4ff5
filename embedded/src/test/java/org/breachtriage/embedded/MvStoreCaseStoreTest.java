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
    void readingAnUnknownCaseCreatesNothingInTheFile() {
        String caseId = ContractData.uniqueId("missing");
        state.caseStore().forEachReject(caseId, r -> { });
        state.caseStore().decisions(caseId);
        state.close();
        try (var raw = org.h2.mvstore.MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            assertTrue(raw.getMapNames().stream().noneMatch(name -> name.contains(caseId)), raw.getMapNames().toString());
        }
        state = EmbeddedState.open(stateDir); // for closeState
    }
}
