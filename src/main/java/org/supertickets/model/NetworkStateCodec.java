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

    /**
     * Checks a file's header against its architecture before any tensor is read: every tensor the architecture
     * needs is there with its shape, and nothing else is, except state riding along under one of
     * {@code extraPrefixes} with the shape of the network tensor it belongs to. Then checks that the tensors fit
     * into the memory left.
     */
    public static void checkHeader(Path file, Architecture architecture, SafetensorsFile.Header header,
            String... extraPrefixes) throws CorruptFileException {
        checkPlausible(file, architecture);
        TensorLayout layout = TensorLayout.of(architecture);
        Map<String, long[]> expected = new LinkedHashMap<>(layout.tensors());
        layout.origins().forEach((layer, channels) -> expected.put(ORIGIN_PREFIX + layer, new long[] {channels}));
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            SafetensorsFile.TensorInfo info = header.tensors().get(e.getKey());
            if (info == null) {
                throw new CorruptFileException(file, "lacks tensor '" + e.getKey() + "' that its architecture needs");
            }
            checkShape(file, e.getKey(), info.shape(), e.getValue());
        }
        for (Map.Entry<String, SafetensorsFile.TensorInfo> e : header.tensors().entrySet()) {
            if (expected.containsKey(e.getKey())) {
                continue;
            }
            long[] owner = null;
            for (String prefix : extraPrefixes) {
                if (e.getKey().startsWith(prefix)) {
                    owner = layout.tensors().get(e.getKey().substring(prefix.length()));
                }
            }
            if (owner == null) {
                throw new CorruptFileException(file, "holds tensor '" + e.getKey() + "' that its architecture does "
                        + "not have");
            }
            checkShape(file, e.getKey(), e.getValue().shape(), owner);
        }
        HeapBudget.check(file, header.heapBytes());
    }

    private static void checkShape(Path file, String name, long[] actual, long[] expected)
            throws CorruptFileException {
        if (!Arrays.equals(actual, expected)) {
            throw new CorruptFileException(file, "tensor '" + name + "' has shape " + Arrays.toString(actual)
                    + ", its architecture needs " + Arrays.toString(expected));
        }
    }

    /**
     * Rebuilds the network of {@code architecture} from entries, checking names, shapes and values (the values
     * against {@link NetworkValueLimits}: what a trained network can hold).
     */
    public static NetworkState fromEntries(Path file, Architecture architecture,
            Map<String, SafetensorsFile.Entry> entries) throws CorruptFileException {
        checkPlausible(file, architecture);
        TensorLayout layout = TensorLayout.of(architecture);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> expected : layout.tensors().entrySet()) {
            SafetensorsFile.Entry entry = entries.get(expected.getKey());
            if (entry == null) {
                throw new CorruptFileException(file, "lacks tensor '" + expected.getKey()
                        + "' that its architecture needs");
            }
            checkShape(file, expected.getKey(), entry.shape(), expected.getValue());
            HostTensor value = entry.toHostTensor();
            NetworkValueLimits.check(file, expected.getKey(), value);
            tensors.put(expected.getKey(), value);
        }
        Map<String, int[]> origins = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> expected : layout.origins().entrySet()) {
            SafetensorsFile.Entry entry = entries.get(ORIGIN_PREFIX + expected.getKey());
            if (entry == null || entry.ints() == null || entry.ints().length != expected.getValue()) {
                throw new CorruptFileException(file, "lacks valid channel origins for '" + expected.getKey() + "'");
            }
            origins.put(expected.getKey(), entry.ints());
        }
        NetworkValueLimits.checkOrigins(file, architecture, origins);
        return new NetworkState(architecture, tensors, origins);
    }

    /** Largest network a file may describe: refuses hostile sizes before anything is allocated. */
    private static final long MAX_WEIGHTS = org.supertickets.space.ConfigValidator.MAX_SUPERNET_WEIGHTS;

    /** Checks that an architecture read from a file is one this workbench could have written. */
    public static void checkPlausible(Path file, Architecture a) throws CorruptFileException {
        if (a == null || a.blocks() == null) {
            throw new CorruptFileException(file, "has no architecture");
        }
        boolean ok = between(a.inChannels(), 1, 4) && between(a.inHeight(), 1, 4096) && between(a.inWidth(), 1, 4096)
                && between(a.stemChannels(), 1, 4096) && between(a.stemKernel(), 1, 11) && a.stemKernel() % 2 == 1
                && between(a.stemStride(), 1, 2) && between(a.headChannels(), 1, 8192) && between(a.classes(), 1,
                100_000) && a.blocks().size() <= 256 && a.bnEpsilon() >= 1e-10 && a.bnEpsilon() <= 1;
        for (int i = 0; ok && i < a.blocks().size(); i++) {
            org.supertickets.space.BlockState b = a.blocks().get(i);
            ok = b != null && b.index() == i && between(b.inChannels(), 1, 4096) && between(b.outChannels(), 1, 4096)
                    && between(b.stride(), 1, 2) && between(b.inHeight(), 1, 4096) && between(b.inWidth(), 1, 4096)
                    && b.branches() != null && b.branches().size() <= 16;
            for (int j = 0; ok && j < b.branches().size(); j++) {
                org.supertickets.space.BranchState br = b.branches().get(j);
                ok = br != null && between(br.kernelSize(), 1, 11) && br.kernelSize() % 2 == 1
                        && between(br.maxChannels(), 0, 65_536) && between(br.hiddenChannels(), 0, br.maxChannels());
            }
        }
        if (!ok) {
            throw new CorruptFileException(file, "describes an architecture with impossible sizes");
        }
        long weights = a.layers().stream().mapToLong(org.supertickets.space.LayerShape::weightCount).sum();
        if (weights > MAX_WEIGHTS) {
            throw new CorruptFileException(file, "describes " + weights + " weights, more than this workbench handles");
        }
    }

    private static boolean between(long v, long min, long max) {
        return v >= min && v <= max;
    }

    private static HostTensor masked(HostTensor weight, HostTensor mask) {
        float[] out = new float[weight.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weight.data()[i] * mask.data()[i];
        }
        return new HostTensor(out, weight.shape());
    }
}
