package org.breachtriage.embedded;

import java.nio.ByteBuffer;

/**
 * A person record as an incident's log holds it in memory: the bytes of its binary form
 * ({@link IncidentPersonCodec}), exactly as they go to disk, decoded only when the record is read.
 *
 * <p>Why bytes and not the decoded record: MVStore's page cache holds values as they are, and a decoded
 * record (lists, notices, an assessment) took 941 bytes of heap on average in the benchmark's million-row
 * run, against 191 encoded bytes (223 with this object and its array), so the log of a quarter of a million
 * people did not fit in the cache, and every miss decoded a whole page of records to read one. And a page is written again at every commit that finds it changed: a decoded record was
 * encoded again each time, where bytes are copied.
 */
final class PackedPerson {
    /** Where the pay number starts: after the format byte and the flags byte. */
    private static final int PAY_NUMBER_AT = 2;

    private final byte[] bytes;

    PackedPerson(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The encoded length, which is also what the record costs the page cache beyond a small header. */
    int size() {
        return bytes.length;
    }

    /** The record's pay number, read without decoding the rest (every format keeps it in the same place). */
    String payNumber() {
        return Bin.getString(ByteBuffer.wrap(bytes, PAY_NUMBER_AT, bytes.length - PAY_NUMBER_AT));
    }

    /** Whether this is the record of {@code payNumber}: what every read by slot asks before it decodes. */
    boolean isOf(String payNumber) {
        return payNumber.equals(payNumber());
    }
}
