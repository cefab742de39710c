package org.supertickets.train;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.MaskCodec;
import org.supertickets.space.LayerKind;
import org.supertickets.space.LayerShape;

/** Turns a network on the heap into a {@link ConnectivitySnapshot}. */
public final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    /**
     * @param includeWeights also keep int8 weights per layer (for the heatmaps); masks are always kept
     */
    public static ConnectivitySnapshot build(NetworkState state, long step, double epoch, String reason,
            boolean includeWeights) {
        List<LayerSnapshot> layers = new ArrayList<>();
        for (LayerShape layer : state.architecture().layers()) {
            HostTensor weight = state.tensor(TensorNames.weight(layer.name()));
            HostTensor mask = state.tensors().get(TensorNames.mask(layer.name()));
            float[] maskData = mask == null ? ones(weight.size()) : mask.data();
            long kept = 0;
            for (float m : maskData) {
                kept += m != 0f ? 1 : 0;
            }
            int[] origins = null;
            float[] importance = null;
            if (layer.kind() == LayerKind.DEPTHWISE) {
                origins = state.channelOrigins().get(layer.name());
                String bn = layer.name().replace(".dw.", ".dw_bn.");
                float[] gamma = state.tensor(bn + TensorNames.GAMMA).data();
                importance = new float[gamma.length];
                for (int i = 0; i < gamma.length; i++) {
                    importance[i] = Math.abs(gamma[i]);
                }
            }
            float scale = MaskCodec.scaleOf(weight.data());
            layers.add(new LayerSnapshot(layer.name(), layer.kind(), weight.shape(), weight.size(), kept, layer.macs(),
                    layer.sparseMacs(kept), origins, importance, MaskCodec.encodeMask(maskData),
                    includeWeights ? MaskCodec.encodeWeights(weight.data(), scale) : null, scale));
        }
        return new ConnectivitySnapshot(step, epoch, reason, state.architecture(), layers);
    }

    private static float[] ones(int n) {
        return HostTensor.filled(new long[] {n}, 1f).data();
    }
}
