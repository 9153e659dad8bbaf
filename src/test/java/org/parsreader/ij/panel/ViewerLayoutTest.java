package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiles beside the panel, never off the screen, in the grid that shows the smallest image largest. */
class ViewerLayoutTest {
    static final Rectangle SCREEN = new Rectangle(0, 0, 1366, 768);

    @Test
    void theViewingAreaIsRightOfThePanel() {
        assertThat(ViewerLayout.viewingArea(SCREEN, 380)).isEqualTo(new Rectangle(380, 0, 986, 768));
        // a screen too narrow for both: the viewers get the whole screen (the panel floats over them)
        assertThat(ViewerLayout.viewingArea(new Rectangle(0, 0, 600, 400), 380)).isEqualTo(new Rectangle(0, 0, 600, 400));
    }

    @Test
    void fourSeriesOfTheSampleCaseGoTwoByTwo() {
        Rectangle area = ViewerLayout.viewingArea(SCREEN, 380);
        List<Dimension> sample = List.of(new Dimension(128, 176), new Dimension(128, 176), new Dimension(160, 160), new Dimension(160, 160));
        List<Rectangle> tiles = ViewerLayout.tiles(area, sample);
        assertThat(tiles).hasSize(4).allSatisfy(t -> {
            assertThat(area.contains(t)).isTrue();
            assertThat(t.width).isEqualTo(493);
            assertThat(t.height).isEqualTo(384);
        });
        for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) assertThat(tiles.get(i).intersects(tiles.get(j))).isFalse();
    }

    @Test
    void twoTallImagesGoSideBySideAndOneTakesTheArea() {
        Rectangle area = new Rectangle(380, 0, 986, 768);
        List<Rectangle> two = ViewerLayout.tiles(area, List.of(new Dimension(256, 512), new Dimension(256, 512)));
        assertThat(two).extracting(r -> r.y).containsOnly(0);
        assertThat(ViewerLayout.tiles(area, List.of(new Dimension(512, 512)))).containsExactly(area);
        assertThat(ViewerLayout.tiles(area, List.of())).isEmpty();
    }
}
