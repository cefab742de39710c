package org.supertickets.ticket;

import java.util.List;
import org.supertickets.space.Architecture;

/**
 * The readable half of a ticket ({@code ticket.json}); the tensors are in {@code weights.safetensors}.
 * Version 2 added what a reader outside the workbench needs: the input preprocessing, the BN epsilon and the
 * forward pass as a list of operations. Version 3 writes that graph in the operators of ONNX opset
 * {@value TicketGraph#OPSET} ({@code graphOpset}: Split's sizes and Unsqueeze's axes are inputs, from Constant
 * nodes) and the test split and canvas settings as fields of {@code input}. Older manifests still read: a version-1
 * manifest with {@code input} null (its statistics are recomputed from the config when needed, see
 * {@link TicketInputs}); epsilon and graph follow from the architecture and are filled in on reading, also for
 * version 2, whose graph took Split's sizes as an attribute (opset 11's form).
 *
 * @param format       format name and version
 * @param architecture the shrunk architecture
 * @param layers       per-layer table
 * @param metrics      measured accuracy and cost
 * @param provenance   where it came from
 * @param input        how an image becomes the input (null in version 1, and for networks made outside a run)
 * @param bnEpsilon    the epsilon of every batch normalisation
 * @param graph        the forward pass, in execution order ({@link TicketGraph})
 * @param graphOpset   the ONNX opset of the graph's operators ({@value TicketGraph#OPSET}; absent before version 3)
 */
public record TicketManifest(
        String format,
        Architecture architecture,
        List<TicketLayer> layers,
        TicketMetrics metrics,
        TicketProvenance provenance,
        TicketInput input,
        Double bnEpsilon,
        List<TicketGraphNode> graph,
        Integer graphOpset) {

    public static final String FORMAT = "supertickets-ticket/3";
    /** Input, epsilon and graph, the graph in opset 11's form, no graph opset, the test split in words. Still read. */
    public static final String FORMAT_V2 = "supertickets-ticket/2";
    /** The first version: no input, epsilon or graph. Still read. */
    public static final String FORMAT_V1 = "supertickets-ticket/1";
    /** Every format this workbench reads. */
    public static final List<String> READABLE = List.of(FORMAT, FORMAT_V2, FORMAT_V1);

    /** The same manifest with {@code graph} written in {@code graphOpset}, and {@code bnEpsilon}. */
    public TicketManifest withGraph(double epsilon, List<TicketGraphNode> derived, int opset) {
        return new TicketManifest(format, architecture, layers, metrics, provenance, input, epsilon, derived, opset);
    }
}
