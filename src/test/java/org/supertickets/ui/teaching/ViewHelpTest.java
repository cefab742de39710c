package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every main view has its "?": two or three sentences, no more. */
class ViewHelpTest {

    @Test
    void everyTabHasTwoOrThreeSentences() {
        for (String tab : List.of("Designer", "Runs", "Monitor", "Ticket", "Compare", "Predictions")) {
            String text = ViewHelp.text(tab);
            assertNotNull(text, tab);
            long sentences = text.chars().filter(c -> c == '.').count();
            assertTrue(sentences >= 2 && sentences <= 3, tab + ": " + text);
        }
    }
}
