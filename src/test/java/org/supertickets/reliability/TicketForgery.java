package org.supertickets.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.NetworkStateCodec;
import org.supertickets.model.SafetensorsFile;
import org.supertickets.model.TensorNames;
import org.supertickets.ticket.TicketIo;

/**
 * Edits a written ticket the way a hostile or careless hand would, keeping each file well-formed: a field of
 * {@code ticket.json} changed through its JSON tree, one value of a tensor of {@code weights.safetensors} changed
 * and the file written again. What is left is the values, which the reader must check.
 */
public final class TicketForgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change to a ticket folder. */
    @FunctionalInterface
    public interface Edit {
        void apply(Path ticket) throws Exception;
    }

    /**
     * One kind of damage.
     *
     * @param name what it is
     * @param file the file of the ticket a reader must blame ({@link TicketIo#MANIFEST} or {@link TicketIo#WEIGHTS})
     * @param edit how it is made
     */
    public record Kind(String name, String file, Edit edit) {
    }

    private TicketForgery() {
    }

    /** The kinds of issue 28 that passed every check: provenance missing or absurd, values finite but impossible. */
    public static List<Kind> hostileKinds() {
        return List.of(
                new Kind("no provenance", TicketIo.MANIFEST, t -> editManifest(t, m -> m.remove("provenance"))),
                new Kind("provenance null", TicketIo.MANIFEST, t -> editManifest(t, m -> m.putNull("provenance"))),
                new Kind("provenance.config null", TicketIo.MANIFEST,
                        t -> editManifest(t, m -> provenance(m).putNull("config"))),
                new Kind("5000 stages", TicketIo.MANIFEST, t -> editManifest(t, m -> repeatStages(m, 5000))),
                new Kind("origin -2147483648", TicketIo.WEIGHTS, t -> origins(t, o -> o[0] = Integer.MIN_VALUE)),
                new Kind("origin past the supernet", TicketIo.WEIGHTS, t -> origins(t, o -> o[0] = 1 << 20)),
                new Kind("origin twice", TicketIo.WEIGHTS, t -> origins(t, o -> o[1] = o[0])),
                new Kind("negative BN variance", TicketIo.WEIGHTS,
                        t -> tensor(t, TensorNames.STEM_BN + TensorNames.RUNNING_VAR, v -> v[0] = -1f)),
                new Kind("weight 3e38", TicketIo.WEIGHTS,
                        t -> tensor(t, TensorNames.weight(TensorNames.STEM), v -> v[0] = 3e38f)),
                new Kind("BN mean 1e30", TicketIo.WEIGHTS,
                        t -> tensor(t, TensorNames.HEAD_BN + TensorNames.RUNNING_MEAN, v -> v[0] = 1e30f)));
    }

    private static void origins(Path ticket, java.util.function.Consumer<int[]> edit) throws Exception {
        editOrigins(ticket.resolve(TicketIo.WEIGHTS), edit);
    }

    private static void tensor(Path ticket, String name, java.util.function.Consumer<float[]> edit)
            throws Exception {
        editTensor(ticket.resolve(TicketIo.WEIGHTS), name, edit);
    }

    /** Changes {@code ticket.json} through its JSON tree. */
    public static void editManifest(Path ticket, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        Path file = ticket.resolve(TicketIo.MANIFEST);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(manifest);
        JSON.writeValue(file.toFile(), manifest);
    }

    /** The provenance object of a manifest tree. */
    public static ObjectNode provenance(ObjectNode manifest) {
        return (ObjectNode) manifest.get("provenance");
    }

    /** Makes the provenance's config list {@code count} copies of its first stage. */
    public static void repeatStages(ObjectNode manifest, int count) {
        ObjectNode config = (ObjectNode) provenance(manifest).get("config");
        ArrayNode stages = (ArrayNode) config.get("stages");
        var first = stages.get(0);
        ArrayNode many = config.putArray("stages");
        for (int i = 0; i < count; i++) {
            many.add(first.deepCopy());
        }
    }

    /** Changes the values of one F32 tensor of a weights file, a ticket's or a checkpoint (shape, dtype kept). */
    public static void editTensor(Path weights, String name, java.util.function.Consumer<float[]> edit)
            throws Exception {
        rewrite(weights, tensors -> {
            SafetensorsFile.Entry e = tensors.get(name);
            float[] values = e.floats().clone();
            edit.accept(values);
            tensors.put(name, new SafetensorsFile.Entry(e.dtype(), e.shape(), values, null));
        });
    }

    /** Changes the channel origins of the first depthwise layer of a weights file. */
    public static void editOrigins(Path weights, java.util.function.Consumer<int[]> edit) throws Exception {
        rewrite(weights, tensors -> {
            String name = tensors.keySet().stream().filter(k -> k.startsWith(NetworkStateCodec.ORIGIN_PREFIX))
                    .findFirst().orElseThrow();
            int[] values = tensors.get(name).ints().clone();
            edit.accept(values);
            tensors.put(name, SafetensorsFile.Entry.i32(values));
        });
    }

    /** The names of the tensors of {@code weights.safetensors}, in file order. */
    public static List<String> tensorNames(Path ticket) throws Exception {
        return List.copyOf(SafetensorsFile.read(ticket.resolve(TicketIo.WEIGHTS)).tensors().keySet());
    }

    private static void rewrite(Path file, java.util.function.Consumer<Map<String, SafetensorsFile.Entry>> edit)
            throws Exception {
        SafetensorsFile.Contents contents = SafetensorsFile.read(file);
        Map<String, SafetensorsFile.Entry> tensors = new LinkedHashMap<>(contents.tensors());
        edit.accept(tensors);
        try (OutputStream out = Files.newOutputStream(file)) {
            SafetensorsFile.write(out, tensors, contents.metadata());
        }
    }
}
