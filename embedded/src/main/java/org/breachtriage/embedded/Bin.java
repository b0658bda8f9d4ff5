package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * The few primitives the MVStore value types share: nullable strings and nullable enums. Enums are
 * stored by ordinal to keep a million results small; {@link StoreSchema} refuses to open a file
 * whose enum constants no longer line up, so a reordered enum can never be misread.
 */
final class Bin {
    private Bin() {
    }

    /** Length + 1 as a var-int, so 0 can mean null. */
    static void putString(WriteBuffer buff, String s) {
        if (s == null) {
            buff.putVarInt(0);
            return;
        }
        int len = s.length();
        buff.putVarInt(len + 1).putStringData(s, len);
    }

    static String getString(ByteBuffer buff) {
        int len = DataUtils.readVarInt(buff) - 1;
        return len < 0 ? null : DataUtils.readString(buff, len);
    }

    /**
     * Moves past a string {@link #putString} wrote, without making it: each character is one byte below
     * 0x80, three from 0xE0, else two ({@code WriteBuffer.putStringData}'s encoding).
     */
    static void skipString(ByteBuffer buff) {
        int len = DataUtils.readVarInt(buff) - 1;
        for (int i = 0; i < len; i++) {
            int lead = buff.get() & 0xFF;
            if (lead >= 0xE0) {
                buff.position(buff.position() + 2);
            } else if (lead >= 0x80) {
                buff.get();
            }
        }
    }

    /** Ordinal + 1 as a var-int, so 0 can mean null. */
    static void putEnum(WriteBuffer buff, Enum<?> e) {
        buff.putVarInt(e == null ? 0 : e.ordinal() + 1);
    }

    static <E extends Enum<E>> E getEnum(ByteBuffer buff, E[] constants) {
        int code = DataUtils.readVarInt(buff);
        if (code == 0) {
            return null;
        }
        if (code > constants.length) {
            throw new IllegalStateException("stored value names constant " + (code - 1) + " of "
                    + constants[0].getDeclaringClass().getSimpleName() + ", which has only " + constants.length);
        }
        return constants[code - 1];
    }

    /** A present/absent byte, then seconds and nanoseconds, so an instant keeps its full precision. */
    static void putInstant(WriteBuffer buff, Instant at) {
        if (at == null) {
            buff.put((byte) 0);
        } else {
            buff.put((byte) 1).putLong(at.getEpochSecond()).putVarInt(at.getNano());
        }
    }

    static Instant getInstant(ByteBuffer buff) {
        return buff.get() == 0 ? null : Instant.ofEpochSecond(buff.getLong(), DataUtils.readVarInt(buff));
    }

    static void skipInstant(ByteBuffer buff) {
        if (buff.get() != 0) {
            buff.getLong();
            DataUtils.readVarInt(buff);
        }
    }

    static void checkFormat(ByteBuffer buff, byte expected, String what) {
        byte found = buff.get();
        if (found != expected) {
            throw new IllegalStateException("stored " + what + " has format " + found + ", this version reads "
                    + expected);
        }
    }

    /** Rough heap cost of a string, for MVStore's cache and auto-commit accounting. */
    static int memory(String s) {
        return s == null ? 0 : 40 + 2 * s.length();
    }
}
