package org.supertickets.ui.predictions;

import java.nio.file.Path;
import java.util.Objects;
import org.supertickets.data.BatchAssembler;
import org.supertickets.data.ImageDataset;
import org.supertickets.run.PreparedTrainingData;
import org.supertickets.run.RunNetworks;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.CalibrationBatches;
import org.supertickets.train.InspectedNetwork;
import org.supertickets.train.NetworkPass;

/**
 * A classification run's data and networks for looking at one test image, loaded on a background thread when first
 * needed and kept between looks: the dataset once (keeping only its test split and the few training batches BN is
 * re-estimated on), the latest checkpoint again whenever its file changed (so a live run's newest supernet is
 * shown), the ticket once it exists. One look at a time (its methods are synchronized); no
 * JavaFX.
 */
final class InsideImageSource implements AutoCloseable {

    /**
     * What both networks did with one test image.
     *
     * @param index    the image's index in the test split
     * @param testSize images in the test split
     * @param label    its true class
     * @param argb     the image as a person sees it
     * @param width    image width
     * @param height   image height
     * @param supernet the latest checkpoint's pass; null while the run has none
     * @param ticket   the ticket's pass; null while the run has extracted none
     */
    record Look(int index, int testSize, int label, int[] argb, int width, int height, NetworkPass supernet,
            NetworkPass ticket) {
    }

    /** Reads a run's data: the app reads the run's own dataset with its own split and normalisation. */
    interface DataReader {
        PreparedTrainingData read(SearchSpaceConfig config) throws Exception;
    }

    static final DataReader FROM_DATASET = PreparedTrainingData::load;

    private final SearchSpaceConfig config;
    private final Path folder;
    private final DataReader reader;
    /** The test split as stored (to show) and normalised (to feed), and the BN batches; the rest is not kept. */
    private ImageDataset test;
    private BatchAssembler testBatches;
    private CalibrationBatches calibration;
    private InspectedNetwork supernet;
    private long supernetModified = -1;
    private InspectedNetwork ticket;
    private boolean closed;

    InsideImageSource(SearchSpaceConfig config, Path folder, DataReader reader) {
        this.config = Objects.requireNonNull(config);
        this.folder = Objects.requireNonNull(folder);
        this.reader = Objects.requireNonNull(reader);
    }

    /** Test image {@code index} through the newest supernet and the ticket (reading what changed first). */
    synchronized Look look(int index) throws Exception {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (test == null) {
            PreparedTrainingData data = reader.read(config);
            calibration = InspectedNetwork.calibrationOf(config, data);
            testBatches = new BatchAssembler(data.data().test(), data.data().normalization(), null);
            test = data.data().test();
        }
        refreshNetworks();
        if (index < 0 || index >= test.size()) {
            throw new IllegalArgumentException("there is no test image " + index + ": the test split of "
                    + test.name() + " holds " + test.size() + " images (0 to " + (test.size() - 1) + ")");
        }
        float[] image = new float[test.pixelsPerImage()];
        long[] label = new long[1];
        testBatches.fill(new int[] {index}, 0, 0, image, label);
        return new Look(index, test.size(), (int) label[0], ConfusionViewModel.argb(test, index), test.width(),
                test.height(), supernet == null ? null : supernet.look(image),
                ticket == null ? null : ticket.look(image));
    }

    private void refreshNetworks() throws Exception {
        long modified = RunNetworks.checkpointModified(folder);
        if (modified != supernetModified) {
            RunNetworks.Saved saved = RunNetworks.latestCheckpoint(folder);
            replaceSupernet(saved == null ? null : InspectedNetwork.prepare("supernet", saved.step(),
                    saved.network(), calibration, saved.reestimateBatchNorm()));
            supernetModified = saved == null ? -1 : saved.modified();
        }
        if (ticket == null) {
            RunNetworks.Saved saved = RunNetworks.ticket(folder);
            if (saved != null) {
                ticket = InspectedNetwork.prepare("ticket", saved.step(), saved.network(), calibration,
                        saved.reestimateBatchNorm());
            }
        }
    }

    private void replaceSupernet(InspectedNetwork next) {
        if (supernet != null) {
            supernet.close();
        }
        supernet = next;
    }

    /** Frees the networks' native memory; any thread. */
    @Override
    public synchronized void close() {
        closed = true;
        replaceSupernet(null);
        if (ticket != null) {
            ticket.close();
            ticket = null;
        }
        test = null;
        testBatches = null;
        calibration = null;
    }
}
