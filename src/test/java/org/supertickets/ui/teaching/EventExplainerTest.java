package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.supertickets.prune.LayerPruneStats;
import org.supertickets.report.CountFormat;
import org.supertickets.search.ChannelCosts;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.ui.TestEvents;

/** The explanation names the branch that lost channels and the event's own counts, never canned numbers. */
class EventExplainerTest {

    private static final Architecture SUPERNET = TestEvents.SUPERNET;

    /** The supernet with each branch's channels given by {@code channels(block, kernel)}. */
    private static Architecture with(IntBinaryOperator channels) {
        List<BlockState> blocks = new ArrayList<>();
        for (BlockState b : SUPERNET.blocks()) {
            blocks.add(b.withBranches(b.branches().stream()
                    .map(br -> br.withHiddenChannels(channels.applyAsInt(b.index(), br.kernelSize()))).toList()));
        }
        return SUPERNET.withBlocks(blocks);
    }

    private static int full(int block, int kernel) {
        return SUPERNET.blocks().get(block).branches().stream().filter(b -> b.kernelSize() == kernel)
                .mapToInt(BranchState::maxChannels).findFirst().orElseThrow();
    }

    private static ShrinkEvent shrink(Architecture before, Architecture after, int dead) {
        return new ShrinkEvent(300, 1.5, dead, 0, before.macs(), after.macs(), true, after);
    }

    @Test
    void aShrinkNamesTheBranchThatLostMostWithItsChannelsAndMacs() {
        EventExplainer explainer = new EventExplainer(TestEvents.CONFIG);
        assertNull(explainer.accept(TestEvents.started()), "a start is remembered, not explained");
        // Block 1's 5×5 branch (24 channels) dies completely; block 0's 3×3 branch loses half of its 12.
        Architecture after = with((b, k) -> b == 1 && k == 5 ? 0 : b == 0 && k == 3 ? full(0, 3) / 2 : full(b, k));
        int lostK5 = full(1, 5);
        int lostK3 = full(0, 3) - full(0, 3) / 2;
        Explanation e = explainer.accept(shrink(SUPERNET, after, lostK5 + lostK3));

        String text = e.text();
        long perChannel = ChannelCosts.macsPerChannel(SUPERNET.blocks().get(1), 5);
        assertTrue(text.contains("It pushed the 5×5 branch of block 1 hardest"), text);
        assertTrue(text.contains("• The 5×5 branch of block 1: " + lostK5 + " → 0 channels (−" + lostK5
                + "), −"
                + CountFormat.human(lostK5 * perChannel) + " MACs — the branch is removed completely"), text);
        assertTrue(text.contains("• The 3×3 branch of block 0: " + full(0, 3) + " → " + full(0, 3) / 2
                + " channels (−" + lostK3 + ")"), text);
        assertTrue(text.indexOf("block 1:") < text.indexOf("block 0:"), "the biggest cut first");
        assertTrue(text.contains((lostK5 + lostK3) + " channels fell to |γ| ≤ 0.001"), text);
        assertTrue(text.contains("ρ = 0.03"), "ρ of the run's config: " + text);
        double ratio = (double) perChannel / ChannelCosts.macsPerChannel(SUPERNET.blocks().get(1), 3);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.1f× the MACs", ratio)), text);
        assertTrue(text.contains("fresh all-ones masks"), "the event reset masks: " + text);
        assertTrue(e.title().contains("−" + CountFormat.human(SUPERNET.macs() - after.macs()) + " MACs"),
                e.title());
    }

    @Test
    void theNextShrinkIsMeasuredAgainstTheArchitectureThePreviousOneLeft() {
        EventExplainer explainer = new EventExplainer(TestEvents.CONFIG);
        explainer.accept(TestEvents.started());
        Architecture first = with((b, k) -> b == 1 && k == 5 ? 0 : full(b, k));
        explainer.accept(shrink(SUPERNET, first, full(1, 5)));
        // Then block 1's 3×3 branch goes too: the block's body is gone.
        Architecture second = with((b, k) -> b == 1 ? 0 : full(b, k));
        String text = explainer.accept(shrink(first, second, full(1, 3))).text();

        assertTrue(text.contains("• The 3×3 branch of block 1: " + full(1, 3) + " → 0 channels"), text);
        assertTrue(!text.contains("5×5 branch of block 1"), "already gone before this step: " + text);
        assertTrue(text.contains("Block 1's body is gone: only its skip path is left."), text);
    }

    @Test
    void aPruningEventGivesTheThresholdTheCountsAndTheLayerHitHardest() {
        EventExplainer explainer = new EventExplainer(TestEvents.CONFIG);
        List<LayerPruneStats> layers = List.of(new LayerPruneStats("blocks.0.expand", 72, 50, 3, 20),
                new LayerPruneStats("blocks.1.project", 384, 200, 34, 150), new LayerPruneStats("head.conv", 512,
                        480, 0, 10));
        Explanation e = explainer.accept(new PruneEvent(200, 1.0, 2, 0.3, 0.302, 0.0271, 37, 180, false, layers,
                12L, 5L));

        String text = e.text();
        assertTrue(text.contains("|w| < 0.0271, over all 968 prunable conv weights"), text);
        assertTrue(text.contains("asked for 30 % sparsity, 30.2 % was reached"), text);
        assertTrue(text.contains("Since the previous pruning event: 180 newly pruned (alive then, pruned now); 25 "
                + "back by re-ranking (pruned then, masked until now)"), text);
        assertTrue(text.contains("17 weights pruned then had been reset by a shrink since (fresh all-ones masks): "
                + "this event kept 12 and pruned 5 again."), text);
        assertTrue(text.contains("Most newly pruned in blocks.1.project: 150 of its 384 weights (200 alive now)"),
                text);
        assertTrue(!text.contains("at its target"), "0.3 is below the config's 0.5: " + text);
        assertEquals("Pruning event 2 at epoch 1.00: 30 % sparse, 180 newly pruned, 25 back by re-ranking",
                e.title());

        String last = explainer.accept(new PruneEvent(400, 2.0, 3, 0.5, 0.5, 0.05, 0, 1, false, layers, 0L, 0L))
                .text();
        assertTrue(last.contains("0 back by re-ranking (pruned then, masked until now)."), last);
        assertTrue(!last.contains("reset by a shrink"), "no reset since the previous event: " + last);
        assertTrue(last.contains("1 newly pruned"), last);
        assertTrue(last.contains("The schedule is at its target (50 %): the remaining 2.0 epochs train"), last);
        String end = explainer.accept(new PruneEvent(800, 4.0, 4, 0.5, 0.5, 0.05, 0, 0, false, layers)).text();
        assertTrue(end.contains("this last event draws the ticket"), "no epochs left at the end: " + end);
        Explanation old = explainer.accept(new PruneEvent(900, 4.0, 5, 0.5, 0.5, 0.05, 7, 3, false, layers));
        assertTrue(old.text().contains("7 that were pruned then are alive now (this run folder does not tell back by "
                + "re-ranking from reset by a shrink)"), "an older run folder: " + old.text());
        assertTrue(old.title().endsWith("3 newly pruned, 7 back"), old.title());
    }

    @Test
    void aSmallChangeNeverReadsAsZeroPercent() {
        assertEquals("0.3 %", EventExplainer.share(0.28));
        assertEquals("12 %", EventExplainer.share(12.4));
        assertEquals("0 %", EventExplainer.share(0));
    }
}
