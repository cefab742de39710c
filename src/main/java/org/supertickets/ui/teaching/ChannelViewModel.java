package org.supertickets.ui.teaching;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.supertickets.space.Architecture;
import org.supertickets.train.ConnectivitySnapshot;

/**
 * The channel-level view of one block at the timeline's snapshot: which block, whether the surviving 1×1
 * connections are drawn, and the frame to paint. Channels fade as their |γ| falls and disappear when cut.
 */
public final class ChannelViewModel {

    private final IntegerProperty block = new SimpleIntegerProperty(this, "block", 0);
    private final BooleanProperty showConnections = new SimpleBooleanProperty(this, "showConnections");
    private final ObservableList<Integer> blocks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ChannelFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Architecture supernet;
    private ConnectivitySnapshot snapshot;

    public ChannelViewModel() {
        block.addListener((o, a, b) -> rebuild());
    }

    /** The block shown (index into the supernet's blocks). */
    public IntegerProperty blockProperty() {
        return block;
    }

    /** Draw the alive weights of the expand and projection 1×1 convs as lines. */
    public BooleanProperty showConnectionsProperty() {
        return showConnections;
    }

    /** The block indices to choose from. */
    public ObservableList<Integer> blocks() {
        return blocks;
    }

    public ReadOnlyObjectProperty<ChannelFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** One line: channels alive per branch and weights alive of the two 1×1 convs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The run (its supernet) and the snapshot under the time cursor (null: the untrained supernet). */
    public void show(Architecture supernet, ConnectivitySnapshot snapshot) {
        boolean newNetwork = supernet == null || !supernet.equals(this.supernet);
        this.supernet = supernet;
        this.snapshot = snapshot;
        if (newNetwork) {
            List<Integer> indices = supernet == null ? List.of()
                    : IntStream.range(0, supernet.blocks().size()).boxed().toList();
            blocks.setAll(indices);
            if (block.get() >= indices.size()) {
                block.set(0);
            }
        }
        rebuild();
    }

    private void rebuild() {
        if (supernet == null || block.get() < 0 || block.get() >= supernet.blocks().size()) {
            frame.set(null);
            summary.set("");
            return;
        }
        ChannelFrame f = ChannelFrame.of(supernet, block.get(), snapshot);
        frame.set(f);
        StringBuilder s = new StringBuilder("Block ").append(f.block()).append(": ");
        for (ChannelFrame.Branch b : f.branches()) {
            s.append(String.format(Locale.ROOT, "%d×%d %d/%d · ", b.kernel(), b.kernel(), b.alive(),
                    b.gammas().length));
        }
        s.append(String.format(Locale.ROOT, "1×1 weights alive: expand %,d/%,d, project %,d/%,d",
                f.expand().size(), f.expandTotal(), f.project().size(), f.projectTotal()));
        summary.set(s.toString());
    }
}
