package org.supertickets.latency;

import java.util.Locale;
import java.util.Objects;

/**
 * What a latency comparison of a ticket with its supernet says, in words that claim no more than the timings
 * show: "no measurable difference" while the 95% interval of the speed-up includes 1, and a cause only where
 * the network changed. Removed channels and branches (fewer dense MACs) make a compacted ticket faster;
 * unstructured sparsity does not, since dense kernels multiply the zeros all the same.
 *
 * @param interval       the ticket's speed-up over the supernet
 * @param tight          whether the interval reached the wanted precision before the time cap
 * @param supernetMacs   dense MACs of the supernet
 * @param ticketMacs     dense MACs of the compacted ticket
 * @param supernetParams dense parameters of the supernet
 * @param ticketParams   dense parameters of the compacted ticket
 */
public record LatencyVerdict(SpeedupInterval interval, boolean tight, long supernetMacs, long ticketMacs,
        long supernetParams, long ticketParams) {

    public LatencyVerdict {
        Objects.requireNonNull(interval, "interval");
    }

    /** True when the ticket lost channels or branches: it does less dense work than the supernet. */
    public boolean structural() {
        return ticketMacs != supernetMacs || ticketParams != supernetParams;
    }

    /** The verdict, the 95% interval and the cause, in one or two sentences. */
    public String sentence() {
        String range = String.format(Locale.ROOT, "%.2f× (95%% interval %.2f–%.2f, %d pairs)", interval.speedup(),
                interval.low(), interval.high(), interval.pairs());
        String removed = String.format(Locale.ROOT, "removed channels and branches (%,d vs %,d MACs)", ticketMacs,
                supernetMacs);
        String text;
        if (interval.includesOne()) {
            text = "no measurable difference: speed-up " + range + ". " + (structural()
                    ? "The ticket does less dense work, from " + removed + ", but the timings cannot tell it apart."
                    : "Nothing structural changed: the ticket has the supernet's channels and MACs ("
                            + String.format(Locale.ROOT, "%,d", supernetMacs) + "), and dense kernels do not "
                            + "exploit unstructured sparsity.");
        } else {
            boolean faster = interval.low() > 1;
            String measured = (faster ? "speed-up " : "slow-down ") + range;
            text = structural()
                    ? measured + (faster ? ", from " : ", despite ") + removed + "."
                    : measured + ", but with nothing structural changed (the supernet's channels and MACs) the "
                            + "difference is this machine's noise, not the ticket's doing; measure again.";
        }
        if (!tight) {
            text += " The interval did not narrow to the wanted precision within the time limit (a busy machine?); "
                    + "give --max-seconds more time for a firmer answer.";
        }
        return text;
    }
}
