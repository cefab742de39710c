package org.supertickets.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.ticket.VersionOneTicket;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/** The inspector of a segmentation ticket names its task, its decoder and output, and leads with mean IoU. */
class SegmentationTicketInspectorTest {

    @TempDir
    Path dir;

    @Test
    void aSegmentationTicketShowsItsDecoderOutputShapeAndMeanIou() throws Exception {
        TicketViewModel vm = opened("ticket", new TicketIo.TestScores(0.81, 0.80, 0.114, 0.031));

        String head = vm.headProperty().get();
        assertTrue(head.startsWith("Task: segmentation · output N×11×64×64 · decoder (decoder.skip + per-pixel "
                + "classifier) "), head);
        assertTrue(head.contains("upsampled to 16×16 + decoder.skip 1×1 of the block 0 output (16 ch)"), head);
        String metrics = vm.metricsProperty().get();
        assertTrue(metrics.startsWith("test mIoU 11.40% (objects only 3.10%) · test pixel accuracy 81.00%"), metrics);
        assertFalse(metrics.contains("test accuracy"), "no per-image accuracy is claimed: " + metrics);
        assertTrue(vm.layersProperty().get().stream().anyMatch(l -> l.name().equals(Architecture.DECODER_SKIP)));
        assertTrue(vm.graph().getFrame().graph().nodeOfLayer(Architecture.DECODER_SKIP) != null);
    }

    /** Segmentation tickets written before tickets kept mean IoU still call their accuracy per pixel. */
    @Test
    void aSegmentationTicketWithoutMeanIouStillSaysItsAccuracyIsPerPixel() throws Exception {
        TicketViewModel vm = opened("old-ticket", new TicketIo.TestScores(0.81, 0.80, null, null));
        String metrics = vm.metricsProperty().get();
        assertTrue(metrics.startsWith("test mIoU not in this ticket (see its run's log) · test pixel accuracy 81.00%"),
                metrics);
    }

    @Test
    void aClassificationTicketReadsAsBeforeWithItsTaskNamed() throws Exception {
        TicketViewModel vm = new TicketViewModel(DirectRunner.create(), new RecordingNotifier());
        vm.open(VersionOneTicket.copyTo(dir.resolve("v1")));
        assertTrue(vm.metricsProperty().get().startsWith("test accuracy "), vm.metricsProperty().get());
        assertTrue(vm.headProperty().get().startsWith("Task: classification · output N×10\nhead 1×1 conv"),
                vm.headProperty().get());
    }

    /** A ticket of the segmentation demo's supernet with these scores, written and opened in the inspector. */
    private TicketViewModel opened(String name, TicketIo.TestScores scores) throws Exception {
        SearchSpaceConfig config = ConfigResolver.resolve(ConfigIo.read(Path.of(
                "sample-configs/segmentation-demo.json")));
        Architecture net = Architecture.supernet(config);
        NetworkState network = NetworkInitializer.initialize(net, 1);
        TicketProvenance p = new TicketProvenance(config, "h", 1995, "seg-run", 99, 3, "now", "e", "cpu", "0", "end");
        Path folder = dir.resolve(name);
        TicketIo.write(folder, new Ticket(TicketIo.manifest(network, scores, net.macs(), net.params(), p, null),
                network));
        TicketViewModel vm = new TicketViewModel(DirectRunner.create(), new RecordingNotifier());
        vm.open(folder);
        return vm;
    }
}
