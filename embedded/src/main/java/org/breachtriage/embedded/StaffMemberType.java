package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Compact binary form of a {@link StaffMember}; a run reads one per manifest row. */
final class StaffMemberType extends BasicDataType<StaffMember> {
    static final StaffMemberType INSTANCE = new StaffMemberType();

    private static final byte FORMAT = 1;
    private static final StaffType[] STAFF_TYPES = StaffType.values();
    private static final VettingLevel[] VETTING_LEVELS = VettingLevel.values();
    private static final ContactChannel[] CHANNELS = ContactChannel.values();
    private static final NameRarity[] RARITIES = NameRarity.values();
    private static final RoleFlag[] ROLE_FLAGS = RoleFlag.values();
    /**
     * The immutable set of each combination of role flags, made once: {@link StaffMember} keeps an immutable
     * copy, and a run decodes a member for every row it scores and every letter it writes.
     */
    private static final List<Set<RoleFlag>> ROLE_SETS = roleSets();

    private StaffMemberType() {
    }

    @Override
    public void write(WriteBuffer buff, StaffMember m) {
        buff.put(FORMAT);
        Bin.putString(buff, m.payNumber());
        Bin.putString(buff, m.forename());
        Bin.putString(buff, m.surname());
        Bin.putEnum(buff, m.staffType());
        Bin.putString(buff, m.rank());
        Bin.putString(buff, m.unit());
        int roles = 0;
        for (RoleFlag flag : m.roleFlags()) {
            roles |= 1 << flag.ordinal();
        }
        buff.putVarInt(roles);
        Bin.putEnum(buff, m.vettingLevel());
        Bin.putEnum(buff, m.contactChannel());
        Bin.putString(buff, m.association());
        Bin.putString(buff, m.force());
        Bin.putEnum(buff, m.nameRarity());
    }

    @Override
    public StaffMember read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "staff member");
        String payNumber = Bin.getString(buff);
        String forename = Bin.getString(buff);
        String surname = Bin.getString(buff);
        StaffType staffType = Bin.getEnum(buff, STAFF_TYPES);
        String rank = Bin.getString(buff);
        String unit = Bin.getString(buff);
        int roles = DataUtils.readVarInt(buff);
        if (roles < 0 || roles >= ROLE_SETS.size()) {
            throw new IllegalStateException("stored staff member names role flags " + Integer.toBinaryString(roles)
                    + ", and this version has only " + ROLE_FLAGS.length);
        }
        Set<RoleFlag> roleFlags = ROLE_SETS.get(roles);
        return new StaffMember(payNumber, forename, surname, staffType, rank, unit, roleFlags,
                Bin.getEnum(buff, VETTING_LEVELS), Bin.getEnum(buff, CHANNELS), Bin.getString(buff),
                Bin.getString(buff), Bin.getEnum(buff, RARITIES));
    }

    private static List<Set<RoleFlag>> roleSets() {
        List<Set<RoleFlag>> sets = new ArrayList<>();
        for (int roles = 0; roles < 1 << ROLE_FLAGS.length; roles++) {
            Set<RoleFlag> set = EnumSet.noneOf(RoleFlag.class);
            for (RoleFlag flag : ROLE_FLAGS) {
                if ((roles & (1 << flag.ordinal())) != 0) {
                    set.add(flag);
                }
            }
            sets.add(Set.copyOf(set)); // what StaffMember would copy it to; copying that again is free
        }
        return List.copyOf(sets);
    }

    @Override
    public int getMemory(StaffMember m) {
        return 160 + Bin.memory(m.payNumber()) + Bin.memory(m.forename()) + Bin.memory(m.surname())
                + Bin.memory(m.rank()) + Bin.memory(m.unit()) + Bin.memory(m.association()) + Bin.memory(m.force());
    }

    @Override
    public StaffMember[] createStorage(int size) {
        return new StaffMember[size];
    }
}
