package org.supertickets.ui.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Save as proposes the config's current name, not the name of the file it was opened from (issue 30). */
class ConfigFilesTest {

    @Test
    void saveAsProposesTheNameTheConfigHasNow() {
        Path opened = Path.of("sample-configs", "quickstart.json");
        assertEquals("my-sweep.json", ConfigFiles.proposedFileName("my-sweep", opened));
        assertEquals("my-sweep.json", ConfigFiles.proposedFileName(" my-sweep.json ", opened));
        assertEquals("a_b.json", ConfigFiles.proposedFileName("a/b", null));
        assertEquals("quickstart.json", ConfigFiles.proposedFileName("  ", opened), "no usable name: the file's");
        assertEquals("config.json", ConfigFiles.proposedFileName(null, null));
    }
}
