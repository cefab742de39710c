package org.supertickets.report;

/**
 * How the channels of one part of the supernet differ from ticket A to ticket B: a block's body (its expand conv,
 * all branches together; 0 = the block is only its skip path) or one depthwise branch.
 *
 * @param layer       the weight layer that draws it in the graph ({@code blocks.1.expand}, {@code blocks.1.dw.k5})
 * @param part        what a reader calls it ({@code block 1 body}, {@code block 1 · dw 5×5})
 * @param channelsA   channels kept in A (0 = removed)
 * @param channelsB   channels kept in B (0 = removed)
 * @param maxChannels channels in the supernet
 */
public record ChannelChange(String layer, String part, int channelsA, int channelsB, int maxChannels) {

    /** What happened between A and B. */
    public enum Kind {
        SAME("same"),
        NARROWED("narrower in B"),
        WIDENED("wider in B"),
        REMOVED_IN_B("removed in B"),
        ONLY_IN_B("removed in A"),
        REMOVED_IN_BOTH("removed in both");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Kind kind() {
        if (channelsA == channelsB) {
            return channelsA == 0 ? Kind.REMOVED_IN_BOTH : Kind.SAME;
        }
        if (channelsB == 0) {
            return Kind.REMOVED_IN_B;
        }
        if (channelsA == 0) {
            return Kind.ONLY_IN_B;
        }
        return channelsB < channelsA ? Kind.NARROWED : Kind.WIDENED;
    }

    /** True when the part is present in one ticket and removed in the other, or has other widths. */
    public boolean changed() {
        return channelsA != channelsB;
    }

    /** E.g. {@code 48 → 24 / 96}, with "–" for a removed side. */
    public String arrow() {
        return side(channelsA) + " → " + side(channelsB) + " / " + maxChannels;
    }

    private static String side(int channels) {
        return channels == 0 ? "–" : Integer.toString(channels);
    }
}
