package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiles beside the panel, never off the screen, in the rows that show every image at the largest common magnification, covering the area. */
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
        });
        // two rows, each as tall as its images at the common magnification: (768 - 2 x 70) / (176 + 160) = 1.87
        assertThat(tiles.get(0).y).isEqualTo(tiles.get(1).y);
        assertThat(tiles.get(2).y).isEqualTo(tiles.get(0).y + tiles.get(0).height);
        assertThat(tiles.get(0).height).isEqualTo(399); // 176 x 1.87 + 70, the second row 160 x 1.87 + 70
        assertCovers(area, tiles);
        assertThat(ViewerLayout.commonMagnification(area, sample, 0b010)).isCloseTo(628.0 / 336, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void reformatStripsShareARowWithTheCtAndTheTilesCoverTheArea() {
        // the sample case's four series, then its sagittal reformat and the pars plane (160 x 48 px, laid out 1.5 x larger)
        Dimension strip = new Dimension(240, 72);
        List<Dimension> six = List.of(new Dimension(128, 176), new Dimension(128, 176), new Dimension(160, 160), new Dimension(160, 160), strip, strip);
        for (Rectangle screen : List.of(new Rectangle(0, 0, 1366, 768), new Rectangle(0, 0, 1920, 1080))) {
            Rectangle area = ViewerLayout.arrange(screen, ViewerLayout.PANEL_WIDTH, new Rectangle(0, 0, 620, 96)).viewers();
            List<Rectangle> tiles = ViewerLayout.tiles(area, six);
            assertCovers(area, tiles);
            double best = 0;
            for (int cuts = 0; cuts < 1 << 5; cuts++) best = Math.max(best, ViewerLayout.commonMagnification(area, six, cuts));
            // every image fits its tile at the best common magnification (which beats the uniform grid's)
            for (int i = 0; i < 6; i++) {
                Rectangle t = tiles.get(i);
                Dimension d = six.get(i);
                assertThat(Math.min((t.width - ViewerLayout.EXTRA_WIDTH) / (double) d.width, (t.height - ViewerLayout.EXTRA_HEIGHT) / (double) d.height))
                        .as(screen + " tile " + i + " " + t).isGreaterThanOrEqualTo(best - 1.0 / Math.min(d.width, d.height)); // up to a pixel of rounding
            }
            double grid = Double.POSITIVE_INFINITY;
            List<Rectangle> g = ViewerLayout.grid(area, six);
            for (int i = 0; i < 6; i++) grid = Math.min(grid, Math.min((g.get(i).width - 16.0) / six.get(i).width, (g.get(i).height - 70.0) / six.get(i).height));
            assertThat(best).as(screen.toString()).isGreaterThan(grid);
            // a strip's tile is wider than tall: no square tile with the strip lost in it
            assertThat(tiles.get(4).width).isGreaterThan(tiles.get(4).height);
        }
    }

    /** The tiles lie in the area, do not overlap, and cover it whole. */
    static void assertCovers(Rectangle area, List<Rectangle> tiles) {
        long covered = 0;
        for (Rectangle t : tiles) {
            assertThat(area.contains(t)).as(area + " " + t).isTrue();
            covered += (long) t.width * t.height;
        }
        for (int i = 0; i < tiles.size(); i++) for (int j = i + 1; j < tiles.size(); j++) assertThat(tiles.get(i).intersects(tiles.get(j))).isFalse();
        assertThat(covered).isEqualTo((long) area.width * area.height);
    }

    @Test
    void twoTallImagesGoSideBySideAndOneTakesTheArea() {
        Rectangle area = new Rectangle(380, 0, 986, 768);
        List<Rectangle> two = ViewerLayout.tiles(area, List.of(new Dimension(256, 512), new Dimension(256, 512)));
        assertThat(two).extracting(r -> r.y).containsOnly(0);
        assertThat(ViewerLayout.tiles(area, List.of(new Dimension(512, 512)))).containsExactly(area);
        assertThat(ViewerLayout.tiles(area, List.of())).isEmpty();
    }

    @Test
    void theViewersLeaveImageJsBarFree() {
        // ImageJ's default place: centred-ish at the top of the screen (1.54 under Xvfb: x 597, 610 x 75)
        Rectangle bar = new Rectangle(597, 0, 610, 75);
        ViewerLayout.Arrangement a = ViewerLayout.arrange(SCREEN, 380, bar);
        assertThat(a.moveBarTo()).isNull();
        assertThat(a.viewers()).isEqualTo(new Rectangle(380, 75, 986, 693));
        assertThat(a.viewers().intersects(bar)).isFalse();
        // at the top-left corner, over the panel's column: the viewers below it, and the panel too
        Rectangle corner = new Rectangle(0, 0, 610, 75);
        assertThat(ViewerLayout.arrange(SCREEN, 380, corner).viewers()).isEqualTo(new Rectangle(380, 75, 986, 693));
        assertThat(ViewerLayout.panelBounds(SCREEN, 380, 900, corner)).isEqualTo(new Rectangle(0, 75, 380, 693));
        assertThat(ViewerLayout.panelBounds(SCREEN, 380, 900, bar)).isEqualTo(new Rectangle(0, 0, 380, 768));
        // at the bottom: the viewers above it
        Rectangle low = new Rectangle(700, 690, 610, 75);
        assertThat(ViewerLayout.arrange(SCREEN, 380, low).viewers()).isEqualTo(new Rectangle(380, 0, 986, 690));
        // in the middle: it moves once to the top right of the panel, the viewers below it
        Rectangle middle = new Rectangle(500, 340, 610, 75);
        ViewerLayout.Arrangement m = ViewerLayout.arrange(SCREEN, 380, middle);
        assertThat(m.moveBarTo()).isEqualTo(new java.awt.Point(380, 0));
        assertThat(m.viewers()).isEqualTo(new Rectangle(380, 75, 986, 693));
        // on another screen, or not shown: the whole area
        assertThat(ViewerLayout.arrange(SCREEN, 380, new Rectangle(1400, 0, 610, 75)).viewers()).isEqualTo(new Rectangle(380, 0, 986, 768));
        assertThat(ViewerLayout.arrange(SCREEN, 380, null).viewers()).isEqualTo(new Rectangle(380, 0, 986, 768));
        // the sample case still tiles two by two below the bar, each image magnified
        List<Rectangle> tiles = ViewerLayout.tiles(a.viewers(), List.of(new Dimension(128, 176), new Dimension(128, 176),
                new Dimension(160, 160), new Dimension(160, 160)));
        assertThat(tiles).allSatisfy(t -> assertThat(t.intersects(bar)).isFalse());
        assertThat(tiles.get(3).y).isEqualTo(tiles.get(0).y + tiles.get(0).height).isGreaterThan(bar.y + bar.height);
    }

    @Test
    void theViewersUseTheWholeScreenBesideThePanelAt1366x768And1920x1080() {
        List<Dimension> series = List.of(new Dimension(256, 320), new Dimension(256, 320), new Dimension(512, 512), new Dimension(512, 512));
        for (Rectangle screen : List.of(new Rectangle(0, 0, 1366, 768), new Rectangle(0, 0, 1920, 1080))) {
            Rectangle bar = new Rectangle(0, 0, 620, 96); // ImageJ's bar at its default place, top left
            ViewerLayout.Arrangement a = ViewerLayout.arrange(screen, ViewerLayout.PANEL_WIDTH, bar);
            Rectangle area = a.viewers();
            assertThat(area.x + area.width).as(screen + ": to the right edge").isEqualTo(screen.width);
            assertThat(area.y + area.height).as(screen + ": to the bottom").isEqualTo(screen.height);
            assertThat(area.intersects(bar)).isFalse();
            List<Rectangle> tiles = ViewerLayout.tiles(area, series);
            long covered = 0;
            for (Rectangle t : tiles) {
                assertThat(screen.contains(t)).as(screen + " " + t).isTrue();
                covered += (long) t.width * t.height;
            }
            for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) assertThat(tiles.get(i).intersects(tiles.get(j))).isFalse();
            assertThat(covered).as(screen + ": tiles cover the viewers' area").isEqualTo(area.width * (long) area.height);
        }
    }
}
