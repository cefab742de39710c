package org.supertickets.train;

import org.supertickets.space.LayerKind;

/**
 * One weight layer at a snapshot, compact enough to keep one per pruning event for a whole run.
 *
 * @param name           layer name
 * @param kind           what the layer is
 * @param shape          weight tensor shape now
 * @param total          weights now
 * @param kept           weights alive under the mask
 * @param macs           dense MACs now
 * @param keptMacs       MACs of the alive weights
 * @param channelOrigins depthwise layers only: the supernet index of each surviving channel (else null)
 * @param importance     depthwise layers only: |gamma| of each surviving channel (else null)
 * @param mask           the mask, bit-packed, deflated and base64-encoded ({@link org.supertickets.prune.MaskCodec})
 * @param weights        the raw weights quantised to int8, deflated and base64-encoded (null when not kept)
 * @param weightScale    the value of int8 level 127 (max |w| of the layer)
 */
public record LayerSnapshot(
        String name,
        LayerKind kind,
        long[] shape,
        long total,
        long kept,
        long macs,
        long keptMacs,
        int[] channelOrigins,
        float[] importance,
        String mask,
        String weights,
        float weightScale) {
}
