package org.supertickets.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.supertickets.model.HostTensor;

/**
 * An optimiser's state on the heap, for checkpoints and for slicing at a shrink: per trained tensor name, its
 * first slot (SGD's velocity, RMSProp's momentum buffer, AdamW's first moment) and second slot (RMSProp's and
 * AdamW's average of squared gradients), and the number of updates done (AdamW's bias correction needs it).
 *
 * @param first   first slot by tensor name (empty before the first step)
 * @param second  second slot by tensor name (empty for SGD)
 * @param updates steps this optimiser has taken
 */
public record OptimizerState(Map<String, HostTensor> first, Map<String, HostTensor> second, long updates) {

    public static final OptimizerState EMPTY = new OptimizerState(Map.of(), Map.of(), 0);

    public OptimizerState {
        first = Collections.unmodifiableMap(new LinkedHashMap<>(first));
        second = Collections.unmodifiableMap(new LinkedHashMap<>(second));
    }

    /** The same state with each slot map transformed alike (a shrink's slicing). */
    public OptimizerState map(UnaryOperator<Map<String, HostTensor>> slice) {
        return new OptimizerState(slice.apply(first), slice.apply(second), updates);
    }
}
