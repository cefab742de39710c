package org.supertickets.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.space.Architecture;

/**
 * Maps a {@link NetworkState} to safetensors entries and back. Masks are stored as U8 (0/1), channel origins
 * as I32 under {@code origin/<layer>}; extra state (momentum) can ride along under a prefix. Reading checks
 * that every tensor the architecture needs is present with the right shape.
 */
public final class NetworkStateCodec {

    public static final String ORIGIN_PREFIX = "origin/";

    private NetworkStateCodec() {
    }

    /**
     * @param applyMasks true = store masked weights (tickets: what the network computes with), false = raw
     *                   weights (checkpoints: pruned weights keep their values and can be reactivated)
     */
    public static Map<String, SafetensorsFile.Entry> toEntries(NetworkState state, boolean applyMasks) {
        Map<String, SafetensorsFile.Entry> entries = new LinkedHashMap<>();
        state.tensors().forEach((name, tensor) -> {
            if (name.endsWith(TensorNames.MASK)) {
                entries.put(name, SafetensorsFile.Entry.u8(tensor));
            } else if (applyMasks && name.endsWith(TensorNames.WEIGHT)) {
                HostTensor mask = state.tensors().get(
                        name.substring(0, name.length() - TensorNames.WEIGHT.length()) + TensorNames.MASK);
                entries.put(name, SafetensorsFile.Entry.f32(mask == null ? tensor : masked(tensor, mask)));
            } else {
                entries.put(name, SafetensorsFile.Entry.f32(tensor));
            }
        });
        state.channelOrigins().forEach((layer, origins) -> entries.put(ORIGIN_PREFIX + layer,
                SafetensorsFile.Entry.i32(origins)));
        return entries;
    }

    /** Rebuilds the network of {@code architecture} from entries, checking names and shapes. */
    public static NetworkState fromEntries(Path file, Architecture architecture, Map<String, SafetensorsFile.Entry> entries)
            throws CorruptFileException {
        NetworkState template = NetworkInitializer.initialize(architecture, 0);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> expected : template.tensors().entrySet()) {
            SafetensorsFile.Entry entry = entries.get(expected.getKey());
            if (entry == null) {
                throw new CorruptFileException(file, "lacks tensor '" + expected.getKey()
                        + "' that its architecture needs");
            }
            if (!Arrays.equals(entry.shape(), expected.getValue().shape())) {
                throw new CorruptFileException(file, "tensor '" + expected.getKey() + "' has shape "
                        + Arrays.toString(entry.shape()) + ", its architecture needs "
                        + Arrays.toString(expected.getValue().shape()));
            }
            HostTensor value = entry.toHostTensor();
            for (float v : value.data()) {
                if (!Float.isFinite(v)) {
                    throw new CorruptFileException(file, "tensor '" + expected.getKey() + "' holds " + v);
                }
            }
            tensors.put(expected.getKey(), value);
        }
        Map<String, int[]> origins = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> expected : template.channelOrigins().entrySet()) {
            SafetensorsFile.Entry entry = entries.get(ORIGIN_PREFIX + expected.getKey());
            if (entry == null || entry.ints() == null || entry.ints().length != expected.getValue().length) {
                throw new CorruptFileException(file, "lacks valid channel origins for '" + expected.getKey() + "'");
            }
            origins.put(expected.getKey(), entry.ints());
        }
        return new NetworkState(architecture, tensors, origins);
    }

    private static HostTensor masked(HostTensor weight, HostTensor mask) {
        float[] out = new float[weight.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weight.data()[i] * mask.data()[i];
        }
        return new HostTensor(out, weight.shape());
    }
}
