package org.supertickets.space;

import java.util.List;
import java.util.Locale;

/**
 * What sits on a network's body for its task, in words and numbers: the designer's preview and the ticket inspector
 * show it. For segmentation that is the decoder (the skip projection {@code decoder.skip} and the classifier, which
 * runs at every pixel of the skip's resolution before the logits are upsampled to the input).
 *
 * @param task          what the network predicts
 * @param decoderLayers segmentation: the decoder's weight layers ({@code decoder.skip}, the per-pixel classifier);
 *                      empty for classification
 * @param decoderMacs   dense MACs of those layers (0 for classification)
 * @param outputShape   the logits' shape after the batch dimension: {@code [K]} or {@code [K, H, W]}
 * @param text          one line for a reader, e.g. {@code head 1×1 → decoder (skip from block 0: 16 ch at 16×16) → …}
 */
public record HeadSummary(Task task, List<LayerShape> decoderLayers, long decoderMacs, List<Integer> outputShape,
        String text) {

    public HeadSummary {
        decoderLayers = List.copyOf(decoderLayers);
        outputShape = List.copyOf(outputShape);
    }

    /** The head of a network. */
    public static HeadSummary of(Architecture a) {
        if (!a.segments()) {
            return new HeadSummary(Task.CLASSIFICATION, List.of(), 0, List.of(a.classes()), String.format(Locale.ROOT,
                    "head 1×1 conv (%d ch) → global average pool → classifier (%d classes)", a.headChannels(),
                    a.classes()));
        }
        List<LayerShape> decoder = a.layers().stream()
                .filter(l -> l.kind() == LayerKind.DECODER || l.kind() == LayerKind.CLASSIFIER).toList();
        long macs = decoder.stream().mapToLong(LayerShape::macs).sum();
        int skip = a.decoderSkipBlock();
        String text = String.format(Locale.ROOT, "head 1×1 conv (%d ch at %d×%d) upsampled to %d×%d + decoder.skip "
                + "1×1 of the %s output (%d ch) → ReLU → per-pixel classifier (%d classes) → bilinear to %d×%d",
                a.headChannels(), a.featureHeight(), a.featureWidth(), a.decoderHeight(), a.decoderWidth(),
                skip < 0 ? "stem's" : "block " + skip, a.decoderSkipChannels(), a.classes(), a.inHeight(),
                a.inWidth());
        return new HeadSummary(Task.SEGMENTATION, decoder, macs, List.of(a.classes(), a.inHeight(), a.inWidth()),
                text);
    }

    /** The output shape with the batch, e.g. {@code N×11×64×64} or {@code N×10}. */
    public String outputText() {
        StringBuilder sb = new StringBuilder("N");
        for (int d : outputShape) {
            sb.append('×').append(d);
        }
        return sb.toString();
    }
}
