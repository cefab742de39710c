package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserGuideWindowTest {

    @Test
    void headingsAreFoundOutsideCodeBlocksWithTheirOffsetsAndIndentedByLevel() {
        String text = "# Title\nintro\n```bash\n# a comment, not a heading\n```\n## Part\n#hashtag\n### Detail\n";
        List<UserGuideWindow.Heading> headings = UserGuideWindow.headings(text);
        assertEquals(List.of("Title", "  Part", "    Detail"), headings.stream().map(UserGuideWindow.Heading::title)
                .toList());
        assertEquals(text.indexOf("## Part"), headings.get(1).offset());
        assertEquals(text.indexOf("### Detail"), headings.get(2).offset());
    }
}
