package org.supertickets.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.space.Architecture;

/**
 * Everything that defines a network of the search space at one moment, on the Java heap: its architecture,
 * every tensor by name (weights, BN scale/shift/statistics, masks; see {@link TensorNames}) and, for each
 * depthwise branch, which supernet channels its surviving channels were. Checkpoints and tickets are this
 * record written to disk; shrinking maps one to the next.
 *
 * @param architecture   the current shape
 * @param tensors        tensors by name, in a stable order
 * @param channelOrigins for each depthwise layer name, the supernet index of each surviving channel
 */
public record NetworkState(
        Architecture architecture,
        Map<String, HostTensor> tensors,
        Map<String, int[]> channelOrigins) {

    public NetworkState {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        channelOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(channelOrigins));
    }

    public HostTensor tensor(String name) {
        HostTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("no tensor named " + name);
        }
        return t;
    }

    /** The tensors with some replaced (a new map; this record is unchanged). */
    public NetworkState withTensors(Map<String, HostTensor> replacements) {
        Map<String, HostTensor> copy = new LinkedHashMap<>(tensors);
        copy.putAll(replacements);
        return new NetworkState(architecture, copy, channelOrigins);
    }
}
