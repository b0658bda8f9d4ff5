package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.ports.StaffDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StaffDirectory} must do. Pay numbers are unique per test, so a shared table works. */
public abstract class StaffDirectoryContract {

    protected abstract StaffDirectory newStaffDirectory() throws Exception;

    private StaffDirectory directory;
    private String prefix;

    @BeforeEach
    void setUpDirectory() throws Exception {
        directory = newStaffDirectory();
        prefix = ContractData.uniqueId("pay") + "-";
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        List<StaffMember> members = List.of(
                ContractData.staff(prefix + "1"),
                ContractData.plainStaff(prefix + "2"),
                new StaffMember(prefix + "3", null, null, null, null, null, null, null, null, null, null, null),
                new StaffMember(prefix + "4", "Åsa", "Þórsdóttir", StaffType.PCSO, "PCSO", "Safer Neighbourhoods",
                        EnumSet.allOf(RoleFlag.class), VettingLevel.NPPV2A, ContactChannel.LETTER,
                        "Unison", "British Transport Police", NameRarity.RARE));
        directory.putAll(members);

        Map<String, StaffMember> found = directory.findAll(members.stream().map(StaffMember::payNumber).toList());

        Map<String, StaffMember> expected = new HashMap<>();
        members.forEach(m -> expected.put(m.payNumber(), m));
        assertEquals(expected, found);
    }

    @Test
    void lookingUpManyFindsTheKnownAndLeavesOutTheUnknown() {
        // 250 keys: more than one DynamoDB BatchGetItem (100), known and unknown interleaved.
        List<StaffMember> known = new ArrayList<>();
        List<String> lookup = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String payNumber = prefix + i;
            lookup.add(payNumber);
            if (i % 5 != 0) {
                known.add(i % 2 == 0 ? ContractData.staff(payNumber) : ContractData.plainStaff(payNumber));
            }
        }
        directory.putAll(known);
        Collections.shuffle(lookup, new Random(47));

        Map<String, StaffMember> found = directory.findAll(lookup);

        assertEquals(known.size(), found.size());
        for (StaffMember member : known) {
            assertEquals(member, found.get(member.payNumber()));
        }
    }

    @Test
    void putAllReplacesExistingMembers() {
        directory.putAll(List.of(ContractData.staff(prefix + "1"), ContractData.staff(prefix + "2")));
        StaffMember moved = ContractData.plainStaff(prefix + "1");

        directory.putAll(List.of(moved));

        Map<String, StaffMember> found = directory.findAll(List.of(prefix + "1", prefix + "2"));
        assertEquals(moved, found.get(prefix + "1"));
        assertEquals(ContractData.staff(prefix + "2"), found.get(prefix + "2"));
    }

    @Test
    void emptyAndRepeatedLookupsAreFine() {
        directory.putAll(List.of());
        assertEquals(Map.of(), directory.findAll(List.of()));

        directory.putAll(List.of(ContractData.staff(prefix + "1")));
        // DynamoDB BatchGetItem rejects duplicate keys: the adapter must not pass them through.
        Map<String, StaffMember> found = directory.findAll(List.of(prefix + "1", prefix + "1", prefix + "unknown"));
        assertEquals(Map.of(prefix + "1", ContractData.staff(prefix + "1")), found);
    }
}
