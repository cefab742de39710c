package org.supertickets.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.HostTensor;

/**
 * The kinds of mask change a run's views count, one vocabulary for the event panel, the heatmap, the Inside
 * histogram, {@code info}, run.log and the terminal (docs/metrics.md, "Mask changes"). A masked weight can come
 * back two ways, and they are counted apart:
 * <ul>
 *   <li><b>reset by a shrink</b>: a shrink gave the rebuilt blocks fresh all-ones masks (shrink reactivation);
 *       counted at the shrink against the masks just before it. {@code resetMaskAfterPrune} resets the same way
 *       after a pruning event.</li>
 *   <li><b>back by re-ranking</b>: pruned at the previous pruning event, still masked just before this one, alive
 *       after it (the global ranking put its raw |w| above the threshold).</li>
 * </ul>
 * A pruning event is counted against the masks right after the previous pruning event, carried through every
 * shrink since: the weights a reset had turned on are then either <b>kept after a reset</b> or <b>pruned again
 * after a reset</b>, and <b>newly pruned</b> means alive at the previous pruning event and pruned by this one.
 */
public enum MaskChange {
    /** Same state as the reference (or not comparable). */
    UNCHANGED,
    /** Alive at the previous pruning event, pruned by this one. */
    NEWLY_PRUNED,
    /** Pruned at the previous pruning event, masked until this one, alive after it. */
    BACK_BY_RERANKING,
    /** Masked before a shrink, turned on by its fresh all-ones masks. */
    RESET_BY_SHRINK,
    /** Pruned at the previous pruning event, reset to alive since, kept alive by this one. */
    RESET_KEPT,
    /** Pruned at the previous pruning event, reset to alive since, pruned again by this one. */
    RESET_PRUNED_AGAIN;

    /**
     * One weight at a pruning event.
     *
     * @param atPreviousPrune alive right after the previous pruning event (carried through shrinks)
     * @param before          alive just before this event (a reset since may have turned it on)
     * @param after           alive after this event
     */
    public static MaskChange atPrune(boolean atPreviousPrune, boolean before, boolean after) {
        if (atPreviousPrune) {
            return after ? UNCHANGED : NEWLY_PRUNED;
        }
        if (before) {
            return after ? RESET_KEPT : RESET_PRUNED_AGAIN;
        }
        return after ? BACK_BY_RERANKING : UNCHANGED;
    }

    /**
     * One weight at a shrink.
     *
     * @param before alive just before the shrink (the mask sliced to the rebuilt block)
     * @param after  alive after it
     */
    public static MaskChange atShrink(boolean before, boolean after) {
        return !before && after ? RESET_BY_SHRINK : UNCHANGED;
    }

    /** Alive after the change, having been masked at the reference. */
    public boolean cameBack() {
        return this == BACK_BY_RERANKING || this == RESET_BY_SHRINK || this == RESET_KEPT;
    }

    /**
     * Weights reset by a shrink: masked in {@code before} (the masks just before it, sliced to the surviving
     * channels), alive in {@code after}; masks by the same names, layers only in one of them skipped.
     */
    public static long resetsByShrink(Map<String, HostTensor> before, Map<String, HostTensor> after) {
        return resetsByShrinkPerMask(before, after).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@link #resetsByShrink} per mask, by the masks' names in {@code after}'s order; a mask compared and found
     * with no reset counts 0, one only in {@code after} is left out.
     */
    public static Map<String, Long> resetsByShrinkPerMask(Map<String, HostTensor> before,
            Map<String, HostTensor> after) {
        Map<String, Long> perMask = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : after.entrySet()) {
            HostTensor was = before.get(e.getKey());
            if (was == null) {
                continue;
            }
            float[] old = was.data();
            float[] now = e.getValue().data();
            if (old.length != now.length) {
                throw new IllegalStateException("mask " + e.getKey() + " sliced to " + old.length
                        + " weights, rebuilt with " + now.length);
            }
            long reset = 0;
            for (int i = 0; i < now.length; i++) {
                if (atShrink(old[i] != 0f, now[i] != 0f) == RESET_BY_SHRINK) {
                    reset++;
                }
            }
            perMask.put(e.getKey(), reset);
        }
        return perMask;
    }
}
