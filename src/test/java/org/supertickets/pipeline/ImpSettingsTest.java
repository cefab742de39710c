package org.supertickets.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.prune.PruneScope;

class ImpSettingsTest {

    @Test
    void levelsPruneTheFractionOfWhatIsAliveAndStopExactlyAtTheTarget() {
        List<Double> levels = new ImpSettings(0.5, 0.2, 0, PruneScope.GLOBAL, 4).levelSparsities();
        assertEquals(4, levels.size());
        assertEquals(0.2, levels.get(0), 1e-12);
        assertEquals(0.36, levels.get(1), 1e-12);
        assertEquals(0.488, levels.get(2), 1e-12);
        assertEquals(0.5, levels.get(3), 1e-12);
        assertEquals(List.of(0.9), new ImpSettings(0.9, 0.95, 0, PruneScope.GLOBAL, 4).levelSparsities());
        // search 6 + dense 4 + four levels of 4 - 0.5 epochs
        assertEquals(24.0, new ImpSettings(0.5, 0.2, 0.5, PruneScope.GLOBAL, 4).trainingEpochs(6), 1e-12);
    }

    @Test
    void unusableSettingsNameTheOptionAndTheFix() {
        assertTrue(new ImpSettings(0.9, 0.2, 0, PruneScope.GLOBAL, 4).problems().isEmpty());
        assertTrue(new ImpSettings(1.0, 0.2, 0, PruneScope.GLOBAL, 4).problems().get(0).contains("target sparsity"));
        assertTrue(new ImpSettings(0.9, 0, 0, PruneScope.GLOBAL, 4).problems().get(0).contains("fraction"));
        assertTrue(new ImpSettings(0.9, 0.2, 4, PruneScope.GLOBAL, 4).problems().get(0).contains("rewind"));
        assertTrue(new ImpSettings(0.999, 0.01, 0, PruneScope.GLOBAL, 4).problems().get(0).contains("levels"));
    }
}
