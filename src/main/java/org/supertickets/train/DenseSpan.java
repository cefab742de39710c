package org.supertickets.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stretch of a run in which weights a shrink had turned back on train dense: from the architecture step whose
 * fresh all-ones masks reset pruned weights ("reset by a shrink", {@link org.supertickets.prune.MaskChange}) to the
 * next pruning event, which ranks them again. It happens only when the two intervals are staggered
 * ({@link org.supertickets.space.Cadence}); a shrink on a pruning event's step is pruned again at once and makes
 * none. Computed from a run's events by {@link DenseSpans}.
 *
 * @param fromStep     the step of the shrink that reset masks (the first, when more came before the prune)
 * @param fromEpoch    its epoch
 * @param untilStep    the step of the pruning event that ended it, of the run's end, or (open) the latest step seen
 * @param untilEpoch   its epoch
 * @param end          what ended it
 * @param resetWeights masked weights the shrinks in it turned on
 * @param blocks       the blocks whose masks they reset (block index → weights); null when the run folder does not
 *                     record it per block
 */
public record DenseSpan(long fromStep, double fromEpoch, long untilStep, double untilEpoch, End end,
        long resetWeights, Map<Integer, Long> blocks) {

    /** What ended a span. */
    public enum End {
        /** A pruning event ranked the reset weights again. */
        PRUNE,
        /** The run ended (or stopped) with no pruning event after the shrink. */
        RUN_END,
        /** Still dense: the run goes on and has not pruned since. */
        OPEN
    }

    public DenseSpan {
        blocks = blocks == null ? null : Map.copyOf(blocks);
    }

    /**
     * Whether the masks were still dense at {@code step}: from the shrink up to, not including, the pruning event
     * (whose snapshot shows them pruned again); to the end of a run that ended dense; from the shrink on while open.
     */
    public boolean contains(long step) {
        return step >= fromStep && switch (end) {
            case PRUNE -> step < untilStep;
            case RUN_END -> step <= untilStep;
            case OPEN -> true;
        };
    }

    /**
     * One line for the views: "the masks of blocks 0 and 2 are dense since the shrink at epoch 1.50 (312 pruned
     * weights reset), until the prune at epoch 2.00".
     */
    public String describe() {
        String whose = blocks == null || blocks.isEmpty() ? "the rebuilt blocks' masks are"
                : "the masks of " + blockNames(blocks.keySet().stream().sorted().toList()) + " are";
        String until = switch (end) {
            case PRUNE -> String.format(Locale.ROOT, "until the prune at epoch %.2f", untilEpoch);
            case RUN_END -> String.format(Locale.ROOT, "until the end of the run at epoch %.2f (no prune after it)",
                    untilEpoch);
            case OPEN -> "until the next prune";
        };
        return String.format(Locale.ROOT, "%s dense since the shrink at epoch %.2f (%,d pruned weight%s reset), %s",
                whose, fromEpoch, resetWeights, resetWeights == 1 ? "" : "s", until);
    }

    private static String blockNames(List<Integer> indices) {
        if (indices.size() == 1) {
            return "block " + indices.get(0);
        }
        String head = indices.subList(0, indices.size() - 1).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "blocks " + head + " and " + indices.get(indices.size() - 1);
    }
}
