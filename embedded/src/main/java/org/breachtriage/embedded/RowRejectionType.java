package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import org.breachtriage.core.manifest.RowRejection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Binary form of a {@link RowRejection}; a badly broken manifest can reject every one of its rows. */
final class RowRejectionType extends BasicDataType<RowRejection> {
    static final RowRejectionType INSTANCE = new RowRejectionType();
    private static final byte FORMAT = 1;

    private RowRejectionType() {
    }

    @Override
    public void write(WriteBuffer buff, RowRejection r) {
        buff.put(FORMAT).putVarLong(r.rowNumber());
        Bin.putString(buff, r.field());
        Bin.putString(buff, r.value());
        Bin.putString(buff, r.reason());
    }

    @Override
    public RowRejection read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "row rejection");
        return new RowRejection(DataUtils.readVarLong(buff), Bin.getString(buff), Bin.getString(buff),
                Bin.getString(buff));
    }

    @Override
    public int getMemory(RowRejection r) {
        return 48 + Bin.memory(r.field()) + Bin.memory(r.value()) + Bin.memory(r.reason());
    }

    @Override
    public RowRejection[] createStorage(int size) {
        return new RowRejection[size];
    }
}
