package org.supertickets.data;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run's seed, so every shuffle and every augmentation is a pure
 * function of its inputs (a resumed run sees exactly what the uninterrupted one would). No global RNG is used.
 */
final class Seeds {

    private Seeds() {
    }

    /** A well-mixed 64-bit seed from the run seed and three coordinates (e.g. epoch, batch, slot). */
    static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ a) * 0xBF58476D1CE4E5B9L;
        h = (h ^ b) * 0x94D049BB133111EBL;
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }

    /** A Fisher-Yates permutation of {@code 0..n-1}. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
