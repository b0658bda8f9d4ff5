package org.breachtriage.embedded;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.json.Json;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A case as JSON (few per store, rich nested fields, and readable with any JSON tool when
 * debugging), followed by its finished-batch ranges as delta-encoded var-longs.
 */
final class StoredCaseType extends BasicDataType<StoredCase> {
    static final StoredCaseType INSTANCE = new StoredCaseType();
    private static final byte FORMAT = 1;
    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(CaseRecord.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(CaseRecord.class);

    private StoredCaseType() {
    }

    @Override
    public void write(WriteBuffer buff, StoredCase c) {
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(c.record());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise case " + c.record().caseId(), e);
        }
        buff.put(FORMAT).putVarInt(json.length).put(json);
        long[] bounds = c.batchesDone().bounds();
        buff.putVarInt(bounds.length);
        long previous = 0;
        for (long bound : bounds) {
            buff.putVarLong(bound - previous);
            previous = bound;
        }
    }

    @Override
    public StoredCase read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "case");
        int length = DataUtils.readVarInt(buff);
        byte[] json = new byte[length];
        buff.get(json);
        CaseRecord record;
        try {
            record = READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored case is not readable JSON", e);
        }
        long[] bounds = new long[DataUtils.readVarInt(buff)];
        long previous = 0;
        for (int i = 0; i < bounds.length; i++) {
            previous += DataUtils.readVarLong(buff);
            bounds[i] = previous;
        }
        return new StoredCase(record, BatchRanges.ofBounds(bounds));
    }

    @Override
    public int getMemory(StoredCase c) {
        return 1024 + 64 * c.record().counters().size() + 16 * c.batchesDone().rangeCount();
    }

    @Override
    public StoredCase[] createStorage(int size) {
        return new StoredCase[size];
    }
}
