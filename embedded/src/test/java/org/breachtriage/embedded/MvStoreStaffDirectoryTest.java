package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.ports.contract.StaffDirectoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreStaffDirectoryTest extends StaffDirectoryContract {
    @TempDir
    Path stateDir;
    private EmbeddedState state;

    @Override
    protected StaffDirectory newStaffDirectory() {
        state = EmbeddedState.open(stateDir);
        return state.staffDirectory();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    @Test
    void countIsTheNumberOfDistinctPeople() {
        MvStoreStaffDirectory directory = state.staffDirectory();
        assertEquals(0, directory.count());
        directory.putAll(List.of(ContractData.staff("A1"), ContractData.staff("A2"), ContractData.plainStaff("A3")));
        directory.putAll(List.of(ContractData.plainStaff("A1")));
        assertEquals(3, directory.count());
    }

    @Test
    void everyOneOfManySimilarPayNumbersIsFoundByHashAndNoOtherIs() {
        MvStoreStaffDirectory directory = state.staffDirectory();
        List<String> payNumbers = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> String.format("MP%06d", i * 3))
                .toList();
        directory.putAll(payNumbers.stream().map(ContractData::plainStaff).toList());

        var found = directory.findAll(payNumbers);
        assertEquals(payNumbers.size(), found.size());
        payNumbers.forEach(pay -> assertEquals(pay, found.get(pay).payNumber()));
        List<String> absent = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> String.format("MP%06d", i * 3 + 1))
                .toList();
        assertEquals(java.util.Map.of(), directory.findAll(absent), "a pay number between two stored ones is not found");
    }

    @Test
    void aMemberWithoutPayNumberIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> state.staffDirectory().putAll(List.of(ContractData.staff(""))));
    }
}
