package org.breachtriage.core.synthetic;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from (seed, purpose, index). Every person and every manifest row
 * gets its own stream, so person 1234 is the same whichever file asks for it and in whatever order:
 * that is what lets the manifest generator echo a roster person's name without reading the roster.
 */
final class Seeds {
    static final long PERSON = 0x5045_5253_4f4eL;
    static final long ROW = 0x524f_5757L;
    static final long FIELDS = 0x4649_454c_4453L;
    static final long UNMATCHED = 0x554e_4d41_5443L;
    static final long SELECTION = 0x5345_4c45_4354L;

    private static final long GOLDEN = 0x9e37_79b9_7f4a_7c15L;

    private Seeds() {
    }

    static SplittableRandom stream(long seed, long purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ mix(purpose)) + index * GOLDEN));
    }

    /** The SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }
}
