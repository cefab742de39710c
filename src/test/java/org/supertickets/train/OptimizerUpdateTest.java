package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;

/**
 * Each optimiser against a hand computation of its update rule. The loss is {@code 0.5 sum t^2} over every
 * trained tensor, so the task gradient of a tensor is the tensor itself; the stem weight also gets the L2 term
 * ({@code g = (1 + wd) w}) and a depthwise BN scale the L1 term ({@code g = gamma + l1 sign(gamma)}).
 */
class OptimizerUpdateTest {

    private static final double LR = 0.1;
    private static final double WD = 0.01;
    private static final double L1 = 0.02;
    private static final int STEPS = 3;
    private static final String WEIGHT = TensorNames.weight(TensorNames.STEM);
    private static final String GAMMA = "blocks.0.dw_bn.k3" + TensorNames.GAMMA;

    /** One element's update: given the element and its completed gradient, the element after the step. */
    private interface Rule {
        double apply(double x, double g, int step);
    }

    @Test
    void nesterovMomentumMatchesTheHandComputedUpdate() {
        double mu = 0.9;
        check(() -> new SgdOptimizer(mu, WD, true), () -> new Rule() {
            double v;

            @Override
            public double apply(double x, double g, int step) {
                v = step == 1 ? g : mu * v + g;
                return x - LR * (g + mu * v);
            }
        });
    }

    @Test
    void plainMomentumMatchesTheHandComputedUpdate() {
        double mu = 0.9;
        check(() -> new SgdOptimizer(mu, WD, false), () -> new Rule() {
            double v;

            @Override
            public double apply(double x, double g, int step) {
                v = step == 1 ? g : mu * v + g;
                return x - LR * v;
            }
        });
    }

    @Test
    void tensorFlowStyleRmsPropMatchesTheHandComputedUpdate() {
        double mu = 0.9;
        double decay = 0.9;
        double eps = 1e-3;
        check(() -> new RmsPropOptimizer(mu, WD, decay, eps), () -> new Rule() {
            double s;
            double b;

            @Override
            public double apply(double x, double g, int step) {
                s = decay * s + (1 - decay) * g * g;
                b = mu * b + g / Math.sqrt(s + eps);
                return x - LR * b;
            }
        });
    }

    @Test
    void adamWMatchesTheHandComputedUpdate() {
        double eps = 1e-3;
        check(() -> new AdamWOptimizer(WD, 0.9, 0.999, eps), () -> new Rule() {
            double m;
            double v;

            @Override
            public double apply(double x, double g, int step) {
                m = 0.9 * m + 0.1 * g;
                v = 0.999 * v + 0.001 * g * g;
                double denominator = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, step)) + eps;
                return x - LR / (1 - Math.pow(0.9, step)) * m / denominator;
            }
        });
    }

    @Test
    void theStateSlicesWithAShrinkAndKeepsItsCount() {
        Architecture architecture = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState start = NetworkInitializer.initialize(architecture, 3);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(start, root, Device.cpu())) {
            Optimizer optimizer = new RmsPropOptimizer(0.9, WD, 0.9, 1e-3);
            backwardHalfSquare(net);
            optimizer.step(net, LR, Map.of());
            OptimizerState state = optimizer.state();
            ChannelSurgery surgery = new ChannelSurgery(net.toHost(), Map.of(0, Map.of(3, new int[] {1, 4})));
            OptimizerState sliced = state.map(surgery::sliceState);
            assertEquals(1, sliced.updates());
            float[] before = state.second().get(GAMMA).data();
            assertArrayEquals(new float[] {before[1], before[4]}, sliced.second().get(GAMMA).data());
            float[] momentum = state.first().get(GAMMA).data();
            assertArrayEquals(new float[] {momentum[1], momentum[4]}, sliced.first().get(GAMMA).data());
        }
    }

    /** @param rule a fresh rule state per tensor element */
    private static void check(Supplier<Optimizer> make, Supplier<Rule> rule) {
        Architecture architecture = Architecture.supernet(TestConfigs.tinySynthetic());
        NetworkState start = NetworkInitializer.initialize(architecture, 3);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(start, root, Device.cpu())) {
            Optimizer optimizer = make.get();
            double[] w = toDouble(start.tensor(WEIGHT).data());
            double[] gamma = toDouble(start.tensor(GAMMA).data());
            Rule[] weightRules = perElement(rule, w.length);
            Rule[] gammaRules = perElement(rule, gamma.length);
            for (int step = 1; step <= STEPS; step++) {
                backwardHalfSquare(net);
                optimizer.step(net, LR, Map.of(GAMMA, L1));
                for (int i = 0; i < w.length; i++) {
                    w[i] = weightRules[i].apply(w[i], (1 + WD) * w[i], step);
                }
                for (int i = 0; i < gamma.length; i++) {
                    gamma[i] = gammaRules[i].apply(gamma[i], gamma[i] + L1 * Math.signum(gamma[i]), step);
                }
                assertArrayEquals(toFloat(w), net.toHost().tensor(WEIGHT).data(), 1e-5f, "weight, step " + step);
                assertArrayEquals(toFloat(gamma), net.toHost().tensor(GAMMA).data(), 1e-5f, "gamma, step " + step);
            }
        }
    }

    private static Rule[] perElement(Supplier<Rule> rule, int n) {
        Rule[] rules = new Rule[n];
        for (int i = 0; i < n; i++) {
            rules[i] = rule.get();
        }
        return rules;
    }

    static void backwardHalfSquare(Supernet net) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (String name : net.trainableNames()) {
                NDArray half = net.tensor(name).square().sum().mul(0.5f);
                loss = loss == null ? half : loss.add(half);
            }
            collector.backward(loss);
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
