package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.breachtriage.core.cases.DecisionEntry;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Binary form of a {@link DecisionEntry}; the instant keeps its full nanosecond precision. */
final class DecisionEntryType extends BasicDataType<DecisionEntry> {
    static final DecisionEntryType INSTANCE = new DecisionEntryType();
    private static final byte FORMAT = 1;

    private DecisionEntryType() {
    }

    @Override
    public void write(WriteBuffer buff, DecisionEntry e) {
        buff.put(FORMAT);
        Bin.putInstant(buff, e.at());
        Bin.putString(buff, e.subject());
        Bin.putString(buff, e.decision());
        Bin.putString(buff, e.reason());
    }

    @Override
    public DecisionEntry read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "decision entry");
        Instant at = Bin.getInstant(buff);
        return new DecisionEntry(at, Bin.getString(buff), Bin.getString(buff), Bin.getString(buff));
    }

    @Override
    public int getMemory(DecisionEntry e) {
        return 64 + Bin.memory(e.subject()) + Bin.memory(e.decision()) + Bin.memory(e.reason());
    }

    @Override
    public DecisionEntry[] createStorage(int size) {
        return new DecisionEntry[size];
    }
}
