package org.breachtriage.core.synthetic;

/**
 * A seeded bijection of [0, n): the order in which a manifest lists roster people. It is computed,
 * not stored, so a 250,000-person shuffle costs no memory. A four-round Feistel network permutes the
 * smallest even-bit power-of-two range that holds n; values that fall outside [0, n) are fed through
 * again ("cycle walking"), which keeps the mapping a bijection and takes under four rounds on average.
 */
final class Shuffle {
    private static final int ROUNDS = 4;

    private final long n;
    private final int halfBits;
    private final long halfMask;
    private final long[] roundKeys = new long[ROUNDS];

    Shuffle(int n, long key) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot shuffle " + n + " items");
        }
        this.n = n;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1L));
        if (bits % 2 == 1) {
            bits++;
        }
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
        for (int round = 0; round < ROUNDS; round++) {
            roundKeys[round] = Seeds.mix(key + round * 0x9e37_79b9_7f4a_7c15L);
        }
    }

    /** The item at position {@code i}; position {@code i} and {@code i + n} give the same item. */
    int at(long position) {
        long x = Math.floorMod(position, n);
        do {
            x = permuteBlock(x);
        } while (x >= n);
        return (int) x;
    }

    private long permuteBlock(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (long roundKey : roundKeys) {
            long next = left ^ (Seeds.mix(roundKey ^ right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
