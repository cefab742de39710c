package org.supertickets.ticket;

import java.util.List;
import java.util.Map;

/**
 * One operation of a ticket's forward pass, named and shaped like the ONNX operator of the same name, so the
 * list reads as a recipe and converts one to one (see docs/tickets-outside.md).
 *
 * @param name       node name
 * @param op         ONNX operator: Conv, BatchNormalization, Relu, Split, Concat, Add, GlobalAveragePool, Flatten,
 *                   Gemm; for segmentation also Unsqueeze and MatMul
 * @param inputs     activations and parameters read, in the operator's order; parameter names are tensors of
 *                   {@code weights.safetensors}, or constants of {@link TicketGraph#constants}
 * @param outputs    activations written
 * @param attributes the operator's attributes (ints, lists of ints, floats), e.g. {@code strides}, {@code pads},
 *                   {@code group}, {@code epsilon}, {@code split}
 */
public record TicketGraphNode(String name, String op, List<String> inputs, List<String> outputs,
        Map<String, Object> attributes) {

    public TicketGraphNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(attributes));
    }
}
