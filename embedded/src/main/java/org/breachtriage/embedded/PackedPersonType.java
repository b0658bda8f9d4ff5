package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The log's value type: a {@link PackedPerson}'s bytes, written as they are. They are the bytes of
 * {@link IncidentPersonCodec}, which the log's value type wrote before records were kept packed, so files
 * written before read unchanged, and records of either of its formats are kept in the one they were written in.
 */
final class PackedPersonType extends BasicDataType<PackedPerson> {
    /** An object header and its field, and the array's header. */
    private static final int OVERHEAD = 32;

    private final IncidentPersonCodec codec;

    PackedPersonType(IncidentPersonCodec codec) {
        this.codec = codec;
    }

    @Override
    public void write(WriteBuffer buff, PackedPerson person) {
        buff.put(person.bytes());
    }

    /**
     * The record's bytes, whose end is found by walking its fields ({@link IncidentPersonCodec#skip}): the
     * form has no length of its own. A record is decoded when it is read, not when its page is.
     */
    @Override
    public PackedPerson read(ByteBuffer buff) {
        int start = buff.position();
        codec.skip(buff);
        byte[] bytes = new byte[buff.position() - start];
        buff.get(start, bytes);
        return new PackedPerson(bytes);
    }

    @Override
    public int getMemory(PackedPerson person) {
        return OVERHEAD + person.size();
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return false; // exact and cheap: no need to sample
    }

    @Override
    public PackedPerson[] createStorage(int size) {
        return new PackedPerson[size];
    }
}
