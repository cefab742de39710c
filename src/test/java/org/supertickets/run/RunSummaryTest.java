package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.SearchSpaceConfig;

/** What a finished run's summary says of its setting and method, from its config. */
class RunSummaryTest {

    @Test
    void theSettingIgnoresSeedAndNameButNotTheRest() {
        SearchSpaceConfig base = TestConfigs.tinyFashionMnist();
        assertEquals(RunSummary.settingOf(base), RunSummary.settingOf(base.withSeed(99).withName("other-seed_2")));
        assertTrue(!RunSummary.settingOf(base).equals(RunSummary.settingOf(base.withTraining(
                base.training().withEpochs(9)))));
    }

    @Test
    void frozenRunsAreNamedAfterWhatWasDoneToTheTicket() {
        SearchSpaceConfig base = TestConfigs.tinyFashionMnist();
        assertEquals("retrain-rewound-random-masks",
                RunSummary.methodOf(base.frozen().withName("x-seed_1-retrain-rewound-random-masks")));
        assertEquals("retrain-random", RunSummary.methodOf(base.frozen().withName("x-retrain-random")));
        assertEquals("finetune", RunSummary.methodOf(base.frozen().withName("x-finetune")));
        assertEquals("transfer", RunSummary.methodOf(base.frozen().withName("x-to-mnist")));
        assertEquals("transfer-random", RunSummary.methodOf(base.frozen().withName("x-seed_2-to-mnist-canvas-random")));
        assertEquals("transfer-rewound", RunSummary.methodOf(base.frozen().withName("x-to-mnist-canvas-rewound")));
        assertEquals("transfer-dense-body", RunSummary.methodOf(base.frozen().withName(
                "x-dense-seed_1-to-fashion-mnist-canvas-dense-body")));
        assertEquals("imp-level", RunSummary.methodOf(base.frozen().withName("x-imp-level-2")));
        assertEquals("dense", RunSummary.methodOf(base.frozen().withName("x")));
        assertEquals("supertickets", RunSummary.methodOf(base));
    }

    @Test
    void aConfigsValuesLeaveOutItsNameAndSeed() {
        SearchSpaceConfig tiny = TestConfigs.tinyFashionMnist();
        Map<String, String> values = RunSummary.settingValuesOf(tiny);
        assertFalse(values.containsKey("name") || values.containsKey("seed"));
        assertEquals(values, RunSummary.settingValuesOf(tiny.withSeed(7).withName("other")));
        assertEquals("0.1", values.get("training.learningRate"));
        assertEquals("12", values.get("stages[0].channels"));
    }
}
