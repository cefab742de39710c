package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.engine.PyTorchInternals;
import org.supertickets.model.ActivationTap.Point;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.SearchSpaceConfig;

/** One test image through a network: what it predicts and what every branch and block computes on the way. */
class InspectedNetworkTest {

    private final SearchSpaceConfig config = TestConfigs.tinySynthetic();
    private final Architecture supernet = Architecture.supernet(config);
    private final NetworkState state = NetworkInitializer.initialize(supernet, 5);
    private final SyntheticData data = new SyntheticData(64, 4, 12, 9);
    private final CalibrationBatches calibration = InspectedNetwork.calibrationOf(config, data);

    private float[] testImage(int index) {
        float[] image = new float[12 * 12];
        data.fillTest(new int[] {index}, image, new long[1]);
        return image;
    }

    @Test
    void theProbabilitiesAreTheSoftmaxOfTheForwardPassTheRunEvaluatesWith() {
        float[] image = testImage(3);
        NetworkPass pass;
        try (InspectedNetwork inspected = InspectedNetwork.prepare("supernet", 40, state, calibration, false)) {
            pass = inspected.look(image);
        }
        float[] expected;
        PyTorchInternals.stopRecordingGradientsOnThisThread();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            NDArray x = net.manager().create(image, new Shape(1, 1, 12, 12));
            expected = net.forward(x, BatchNormMode.EVAL).softmax(1).toFloatArray();
        }
        assertArrayEquals(expected, pass.probabilities(), 1e-6f);
        double sum = 0;
        for (float p : pass.probabilities()) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-5);
        assertEquals("supernet", pass.network());
        assertEquals(40, pass.step());
    }

    @Test
    void everyBranchAndBlockIsShownInTheOrderTheForwardPassMeetsThem() {
        NetworkPass pass;
        try (InspectedNetwork inspected = InspectedNetwork.prepare("supernet", 0, state, calibration, false)) {
            pass = inspected.look(testImage(0));
        }
        List<LayerActivation> layers = pass.layers();
        assertEquals(Point.STEM, layers.get(0).point());
        assertEquals(supernet.stemChannels(), layers.get(0).mapCount());
        int i = 1;
        for (BlockState block : supernet.blocks()) {
            for (var branch : block.branches()) {
                LayerActivation a = layers.get(i++);
                assertEquals(Point.BRANCH, a.point());
                assertEquals(block.index(), a.block());
                assertEquals(branch.kernelSize(), a.kernel());
                assertEquals(branch.hiddenChannels(), a.mapCount());
                assertEquals("block " + block.index() + " · " + branch.kernelSize() + "×" + branch.kernelSize()
                        + " branch", a.title());
            }
            LayerActivation out = layers.get(i++);
            assertEquals(Point.BLOCK, out.point());
            assertEquals(block.outChannels(), out.mapCount());
        }
        LayerActivation head = layers.get(i++);
        assertEquals(Point.HEAD, head.point());
        assertEquals(layers.size(), i);
        for (LayerActivation a : layers) {
            if (a.point() != Point.BLOCK) {
                for (float v : a.values()) {
                    assertTrue(v >= 0, a.title() + " is after a ReLU");
                }
            }
        }
    }

    @Test
    void reestimatingTheStatisticsChangesWhatACheckpointPredicts() {
        float[] image = testImage(1);
        assertEquals(Math.min(config.search().bnRecalibrationBatches(), 64 / config.training().batchSize()),
                calibration.batches(), "the run's own number of BN batches (the synthetic split is small)");
        try (InspectedNetwork raw = InspectedNetwork.prepare("raw", 0, state, calibration, false);
                InspectedNetwork reestimated = InspectedNetwork.prepare("re", 0, state, calibration, true)) {
            assertNotEquals(raw.look(image).probabilities()[0], reestimated.look(image).probabilities()[0],
                    "fresh networks' running statistics (0 and 1) are replaced by the training batches'");
            assertArrayEquals(reestimated.look(image).probabilities(), reestimated.look(image).probabilities(),
                    "looking twice at one image sees the same");
        }
    }

    @Test
    void aBranchTheTicketLostChangesItsPlaceByAllOfIt() {
        NetworkState cut = WhatIf.NONE.withChannelOff(0, 3, 2).withBranchOff(0, 5).applyTo(state);
        float[] image = testImage(2);
        NetworkPass whole;
        NetworkPass ticket;
        try (InspectedNetwork a = InspectedNetwork.prepare("supernet", 0, state, calibration, false);
                InspectedNetwork b = InspectedNetwork.prepare("ticket", 0, cut, calibration, false)) {
            whole = a.look(image);
            ticket = b.look(image);
        }
        LayerActivation k3 = whole.layers().get(1);
        LayerActivation k3Cut = ticket.at(k3);
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 7}, k3Cut.channels(), "maps keep their supernet channel");
        assertEquals(0.0, NetworkPass.relativeChange(k3, k3), 0.0);
        // Only channel 2 is gone and the rest compute the same (same weights, same input): the change is its share.
        double share = 0;
        double total = 0;
        for (int m = 0; m < k3.mapCount(); m++) {
            for (int y = 0; y < k3.height(); y++) {
                for (int x = 0; x < k3.width(); x++) {
                    double v = k3.at(m, y, x);
                    total += v * v;
                    share += m == 2 ? v * v : 0;
                }
            }
        }
        assertEquals(Math.sqrt(share / total), NetworkPass.relativeChange(k3, k3Cut), 1e-5);
        LayerActivation k5 = whole.layers().get(2);
        assertEquals(5, k5.kernel());
        assertNull(ticket.at(k5), "the ticket has no 5x5 branch in block 0");
    }
}
