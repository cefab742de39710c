package org.supertickets.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/** Test networks whose BN layers and masks are not at their initial values (0 and 1 would hide mistakes). */
public final class RandomisedStates {

    private RandomisedStates() {
    }

    /**
     * BN running statistics, scales and shifts drawn from {@code seed}; a mask entry is zeroed where {@code pruned}
     * holds for its tensor name and flat index.
     */
    public static NetworkState randomised(NetworkState s, long seed, BiPredicate<String, Integer> pruned) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, HostTensor> changed = new LinkedHashMap<>();
        s.tensors().forEach((name, t) -> {
            float[] v = t.data().clone();
            for (int i = 0; i < v.length; i++) {
                if (name.endsWith(TensorNames.RUNNING_MEAN) || name.endsWith(TensorNames.BETA)) {
                    v[i] = (float) (r.nextDouble() - 0.5);
                } else if (name.endsWith(TensorNames.RUNNING_VAR) || name.endsWith(TensorNames.GAMMA)) {
                    v[i] = (float) (0.5 + r.nextDouble());
                } else if (name.endsWith(TensorNames.MASK) && pruned.test(name, i)) {
                    v[i] = 0f;
                }
            }
            changed.put(name, new HostTensor(v, t.shape()));
        });
        return s.withTensors(changed);
    }
}
