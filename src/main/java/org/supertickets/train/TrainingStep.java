package org.supertickets.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.search.ChannelCosts;
import org.supertickets.search.RhoSchedule;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.space.PruningConfig;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingConfig;

/**
 * One optimisation step of two-in-one training: forward and backward with the masks multiplying the weights, the
 * task loss (blended with the moving average's soft targets from the distillation step on), then the optimiser's
 * update with L2 on the raw weights and the ramped, FLOPs-weighted L1 on the depthwise BN scales; a loss or gradient
 * that is no longer finite stops the run.
 */
final class TrainingStep {

    /** A task-gradient norm this large means training has diverged (healthy runs stay in the single digits). */
    private static final double EXPLODED_GRADIENT_NORM = 1e6;

    /** What a step measured, and the rates it trained with. */
    record Result(double loss, long correct, double gradientNorm, double learningRate, double rho) {
    }

    private final TrainingConfig training;
    private final boolean zeroPrunedWeights;
    private final EventSchedule schedule;
    private final Shape batchShape;
    private final LearningRateSchedule learningRate;
    private final RhoSchedule rhoSchedule;
    private final ChannelCosts costs;
    /** BN of a training step: running statistics follow {@code network.bnMomentum}. */
    private final BatchNormMode trainingBatchNorm;
    /** Weight of the averaged network's soft targets in the loss from {@link #distillFromStep} on (0 = off). */
    private final double distillWeight;
    private final long distillFromStep;
    private final FailureMessages failures;

    TrainingStep(SearchSpaceConfig config, TrainingData data, EventSchedule schedule, ChannelCosts costs,
            FailureMessages failures) {
        TrainingConfig training = config.training();
        SearchConfig search = config.search();
        PruningConfig pruning = config.pruning();
        this.training = training;
        this.zeroPrunedWeights = pruning.zeroPrunedWeights();
        this.schedule = schedule;
        this.batchShape = new Shape(schedule.batchSize(), data.channels(), data.height(), data.width());
        int stepsPerEpoch = schedule.stepsPerEpoch();
        this.rhoSchedule = new RhoSchedule(search.enabled() ? search.rho() : 0,
                Math.round(search.rhoWarmupEpochs() * stepsPerEpoch));
        long targetStep = schedule.targetStep();
        this.learningRate = new LearningRateSchedule(training.lrSchedule(), training.learningRate(),
                Math.round(training.lrWarmupEpochs() * stepsPerEpoch), schedule.totalSteps(),
                pruning.lrRestartAtTarget() ? targetStep : LearningRateSchedule.NO_RESTART);
        this.distillWeight = training.ema().enabled() ? pruning.distillAtTarget() : 0;
        this.distillFromStep = distillWeight > 0 && targetStep >= 0 ? targetStep : Long.MAX_VALUE;
        this.costs = costs;
        this.trainingBatchNorm = BatchNormMode.training(config.network().bnMomentum());
        this.failures = failures;
    }

    /** Trains step {@code step} (counted from 0) on one batch; the moving average follows the updated weights. */
    Result train(TrainedNetwork network, long step, float[] images, long[] labels) throws TrainingDivergedException {
        Supernet net = network.net();
        double lr = learningRate.at(step);
        double rho = rhoSchedule.at(step);
        double loss;
        long correct;
        double gradientNorm;
        // Every array an op creates during the step (including those derived from parameters, which DJL would
        // otherwise attach to the long-lived model manager) is closed when the scope ends.
        try (NDScope scope = new NDScope()) {
            NDArray x = net.manager().create(images, batchShape);
            NDArray y = net.manager().create(labels);
            NDArray teacher = step >= distillFromStep ? teacherProbabilities(network, x) : null;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(x, trainingBatchNorm);
                NDArray lossArray = CrossEntropy.loss(logits, y, training.labelSmoothing());
                if (teacher != null) {
                    lossArray = lossArray.mul((float) (1 - distillWeight)).add(CrossEntropy.softTargets(logits,
                            teacher).mul((float) distillWeight));
                }
                collector.backward(lossArray);
                loss = lossArray.getFloat();
                correct = CrossEntropy.correct(logits, y);
            }
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException("The loss became " + loss + " at step " + step + " (epoch "
                        + String.format("%.2f", schedule.epochOf(step)) + "). Fix: lower training.learningRate (now "
                        + training.learningRate() + ") or search.rho; " + failures.checkpointNote() + ".");
            }
            gradientNorm = network.optimizer().step(net, lr, l1Strengths(net, rho));
        }
        checkGradient(gradientNorm, step, training.learningRate(), failures.checkpointNote());
        if (zeroPrunedWeights) {
            zeroPrunedWeights(net);
        }
        if (network.average() != null) {
            network.average().update(net, step + 1);
        }
        return new Result(loss, correct, gradientNorm, lr, rho);
    }

    /**
     * The teacher of distillation at the target: the moving average of the weights under the current masks, BN
     * normalising with the batch's statistics (as in-place distillation runs its teacher). Not with the averaged
     * running statistics: right after the event that reaches the target they describe the network under the
     * previous masks; a first version that used them raised the blended training loss from 0.3 to 1.5 at the
     * target and left the student 1.6-3 validation points below the same run without distillation. Built from the
     * live arrays each step (a shrink replaces them); it changes none of them and records no gradient, since none
     * of its inputs asks for one.
     */
    private static NDArray teacherProbabilities(TrainedNetwork network, NDArray x) {
        return network.net().withTensorsOf(network.average().arrays())
                .forward(x, BatchNormMode.BATCH_STATISTICS_ONLY).softmax(1).stopGradient();
    }

    private Map<String, Double> l1Strengths(Supernet net, double rho) {
        Map<String, Double> strengths = new LinkedHashMap<>();
        if (rho <= 0) {
            return strengths;
        }
        for (BlockState block : net.architecture().blocks()) {
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    strengths.put(TensorNames.depthwiseBn(block, branch) + TensorNames.GAMMA,
                            rho * costs.penalty(block.index(), branch.kernelSize()));
                }
            }
        }
        return strengths;
    }

    private static void zeroPrunedWeights(Supernet net) {
        for (LayerShape layer : net.architecture().layers()) {
            if (layer.prunable()) {
                net.tensor(TensorNames.weight(layer.name())).muli(net.tensor(TensorNames.mask(layer.name())));
            }
        }
    }

    /** Stops the run when the task gradient is not finite or has exploded. */
    static void checkGradient(double gradientNorm, long step, double learningRate, String checkpointNote)
            throws TrainingDivergedException {
        if (!Double.isFinite(gradientNorm) || gradientNorm > EXPLODED_GRADIENT_NORM) {
            throw new TrainingDivergedException("The gradients exploded (norm " + gradientNorm + ") at step " + step
                    + ". Fix: lower training.learningRate (now " + learningRate + "); " + checkpointNote + ".");
        }
    }
}
