package org.breachtriage.embedded;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.json.Json;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** An incident as JSON: few per store, rich nested fields, and readable with any JSON tool when debugging. */
final class IncidentRecordType extends BasicDataType<IncidentRecord> {
    static final IncidentRecordType INSTANCE = new IncidentRecordType();
    private static final byte FORMAT = 1;
    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(IncidentRecord.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(IncidentRecord.class);

    private IncidentRecordType() {
    }

    @Override
    public void write(WriteBuffer buff, IncidentRecord incident) {
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(incident);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise incident " + incident.incidentId(), e);
        }
        buff.put(FORMAT).putVarInt(json.length).put(json);
    }

    @Override
    public IncidentRecord read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "incident");
        byte[] json = new byte[DataUtils.readVarInt(buff)];
        buff.get(json);
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored incident is not readable JSON", e);
        }
    }

    @Override
    public int getMemory(IncidentRecord incident) {
        return 1024 + 256 * (incident.manifests().size() + incident.reminders().size())
                + 2048 * incident.reports().size();
    }

    @Override
    public IncidentRecord[] createStorage(int size) {
        return new IncidentRecord[size];
    }
}
