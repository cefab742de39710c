package org.supertickets.run;

import org.supertickets.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.NetworkStateCodec;
import org.supertickets.model.NetworkValueLimits;
import org.supertickets.model.SafetensorsFile;
import org.supertickets.space.Architecture;
import org.supertickets.train.TrainerCheckpoint;

/**
 * A checkpoint is one safetensors file: raw weights, BN, masks, channel origins, the optimiser's state under
 * {@code momentum/} and {@code second_moment/}, the moving average of the weights under {@code ema/}, and the
 * scalars and architecture in the metadata. Written atomically.
 */
public final class CheckpointIo {

    static final String FORMAT = "supertickets-checkpoint/1";
    private static final String MOMENTUM_PREFIX = "momentum/";
    private static final String PREVIOUS_MASK_PREFIX = "previous_event/";
    private static final String SECOND_MOMENT_PREFIX = "second_moment/";
    private static final String AVERAGE_PREFIX = "ema/";

    private CheckpointIo() {
    }

    public static void write(Path file, TrainerCheckpoint checkpoint) throws IOException {
        Map<String, SafetensorsFile.Entry> entries = NetworkStateCodec.toEntries(checkpoint.network(), false);
        checkpoint.momentum().forEach((name, t) -> entries.put(MOMENTUM_PREFIX + name, SafetensorsFile.Entry.f32(t)));
        checkpoint.previousEventMasks().forEach((name, t) -> entries.put(PREVIOUS_MASK_PREFIX + name,
                SafetensorsFile.Entry.u8(t)));
        checkpoint.secondMoments().forEach((name, t) -> entries.put(SECOND_MOMENT_PREFIX + name,
                SafetensorsFile.Entry.f32(t)));
        checkpoint.weightAverage().forEach((name, t) -> entries.put(AVERAGE_PREFIX + name,
                SafetensorsFile.Entry.f32(t)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", Long.toString(checkpoint.step()));
        meta.put("pruneEvents", Integer.toString(checkpoint.pruneEvents()));
        meta.put("windowLoss", Double.toString(checkpoint.windowLoss()));
        meta.put("windowCorrect", Long.toString(checkpoint.windowCorrect()));
        meta.put("windowImages", Long.toString(checkpoint.windowImages()));
        meta.put("trainingMacs", Double.toString(checkpoint.trainingMacs()));
        meta.put("optimizerUpdates", Long.toString(checkpoint.optimizerUpdates()));
        meta.put("wallSeconds", Double.toString(checkpoint.wallSeconds()));
        meta.put("configHash", checkpoint.configHash());
        meta.put("architecture", EventJson.MAPPER.writeValueAsString(checkpoint.network().architecture()));
        AtomicFiles.write(file, out -> SafetensorsFile.write(out, entries, meta));
    }

    /** Per-tensor state stored under {@code prefix}, each entry checked to match a tensor of the network. */
    private static Map<String, HostTensor> withPrefix(Path file, SafetensorsFile.Contents contents, String prefix,
            NetworkState network) throws CorruptFileException {
        Map<String, HostTensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, SafetensorsFile.Entry> e : contents.tensors().entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String name = e.getKey().substring(prefix.length());
            HostTensor owner = network.tensors().get(name);
            HostTensor value = e.getValue().toHostTensor();
            if (owner == null || !java.util.Arrays.equals(owner.shape(), value.shape())) {
                throw new CorruptFileException(file, "'" + e.getKey() + "' matches no tensor of the network");
            }
            if (AVERAGE_PREFIX.equals(prefix) || PREVIOUS_MASK_PREFIX.equals(prefix)) {
                // The average of weights and BN statistics, and earlier masks, go back into the network: they must
                // hold what its own tensors may.
                NetworkValueLimits.check(file, e.getKey(), value);
            } else {
                finite(file, e.getKey(), value, SECOND_MOMENT_PREFIX.equals(prefix));
            }
            state.put(name, value);
        }
        return state;
    }

    /**
     * Optimiser state has no bound of its own (momentum sums gradients), but a value that is not finite, or a
     * negative mean of squared gradients, would make the first step after resuming NaN.
     */
    private static void finite(Path file, String name, HostTensor t, boolean notNegative)
            throws CorruptFileException {
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i]) || notNegative && v[i] < 0) {
                throw new CorruptFileException(file, "tensor '" + name + "' holds " + v[i] + " at index " + i + "; "
                        + (notNegative ? "a mean of squared gradients is finite and not negative"
                                : "optimiser state is finite") + "." + METADATA_FIX);
            }
        }
    }

    private static final String METADATA_FIX = " Fix: the checkpoint was edited or damaged; restore it, or start "
            + "the run again.";

    private static long atLeastZero(Path file, Map<String, String> meta, String field) throws CorruptFileException {
        long value = Long.parseLong(meta.get(field));
        if (value < 0) {
            throw new CorruptFileException(file, "metadata field '" + field + "' is " + value
                    + "; it cannot be negative." + METADATA_FIX);
        }
        return value;
    }

    private static double finiteAtLeastZero(Path file, Map<String, String> meta, String field)
            throws CorruptFileException {
        double value = Double.parseDouble(meta.get(field));
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new CorruptFileException(file, "metadata field '" + field + "' is " + value
                    + "; it must be a finite number, 0 or more." + METADATA_FIX);
        }
        return value;
    }

    public static TrainerCheckpoint read(Path file) throws IOException, CorruptFileException {
        SafetensorsFile.Header header = SafetensorsFile.readHeader(file);
        Map<String, String> meta = header.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new CorruptFileException(file, "is not a workbench checkpoint (format '" + meta.get("format")
                    + "', expected '" + FORMAT + "')");
        }
        try {
            Architecture architecture = EventJson.MAPPER.readValue(meta.get("architecture"), Architecture.class);
            // Everything the header claims is checked against the architecture before a tensor is allocated.
            NetworkStateCodec.checkHeader(file, architecture, header, MOMENTUM_PREFIX, PREVIOUS_MASK_PREFIX,
                    SECOND_MOMENT_PREFIX, AVERAGE_PREFIX);
            SafetensorsFile.Contents contents = SafetensorsFile.readTensors(header);
            NetworkState network = NetworkStateCodec.fromEntries(file, architecture, contents.tensors());
            Map<String, HostTensor> momentum = withPrefix(file, contents, MOMENTUM_PREFIX, network);
            Map<String, HostTensor> previousMasks = withPrefix(file, contents, PREVIOUS_MASK_PREFIX, network);
            Map<String, HostTensor> secondMoments = withPrefix(file, contents, SECOND_MOMENT_PREFIX, network);
            Map<String, HostTensor> average = withPrefix(file, contents, AVERAGE_PREFIX, network);
            // Checkpoints written before the optimisers with state counts had none: an SGD run needs no count.
            long optimizerUpdates = meta.containsKey("optimizerUpdates") ? atLeastZero(file, meta, "optimizerUpdates")
                    : 0;
            long windowImages = atLeastZero(file, meta, "windowImages");
            long windowCorrect = atLeastZero(file, meta, "windowCorrect");
            // segmentation counts correct pixels: up to every pixel of every image
            long labelsPerImage = architecture.labelsPerImage();
            long imagesNeeded = windowCorrect / labelsPerImage + (windowCorrect % labelsPerImage == 0 ? 0 : 1);
            if (imagesNeeded > windowImages) {
                throw new CorruptFileException(file, "metadata field 'windowCorrect' is " + windowCorrect
                        + ", more than 'windowImages' " + windowImages + (labelsPerImage == 1 ? "" : " × "
                        + labelsPerImage + " pixels") + "." + METADATA_FIX);
            }
            return new TrainerCheckpoint(atLeastZero(file, meta, "step"),
                    Math.toIntExact(atLeastZero(file, meta, "pruneEvents")), network, momentum,
                    finiteAtLeastZero(file, meta, "windowLoss"), windowCorrect, windowImages,
                    finiteAtLeastZero(file, meta, "trainingMacs"), meta.get("configHash"), previousMasks,
                    secondMoments, optimizerUpdates, average,
                    meta.containsKey("wallSeconds") ? finiteAtLeastZero(file, meta, "wallSeconds") : 0);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw new CorruptFileException(file, "has invalid metadata (" + e.getMessage() + ")");
        }
    }
}
