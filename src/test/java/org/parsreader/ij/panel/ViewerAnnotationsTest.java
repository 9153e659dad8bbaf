package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import ij.gui.Roi;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.volume.ViewerConventions;

/**
 * The viewer's info text and ImageJ's zoom indicator, headless. The indicator's place is what
 * ImageJ 1.54p painted in the README screenshot docs/images/reading-panel-pars-plane.png before
 * this fix (a 160 x 46 px CT sag plane zoomed into its tile: violet outlines from canvas pixel
 * (10, 10) to (74, 28)); ReformatViewerIT checks it against ImageJ's own painting.
 */
class ViewerAnnotationsTest {
    static final ViewerConventions.EdgeLabels SAG = new ViewerConventions.EdgeLabels("S", "I", "A", "P");
    static final String INFO = "CT sag MIP 10 mm\n+0.0 mm\nW 1800 L 400";

    @Test
    void imageJDrawsItsZoomIndicatorOnlyWhenPartOfTheImageShows() {
        assertThat(ViewerAnnotations.zoomIndicator(160, 46, new Rectangle(0, 0, 160, 46))).isNull();
        assertThat(ViewerAnnotations.zoomIndicator(160, 46, new Rectangle(20, 0, 117, 46))).isEqualTo(new Rectangle(10, 10, 65, 19));
        // a tall image: 64 px high, narrower
        assertThat(ViewerAnnotations.zoomIndicator(100, 200, new Rectangle(0, 10, 100, 150))).isEqualTo(new Rectangle(10, 10, 33, 65));
    }

    @Test
    void theInfoTextKeepsRightOfTheZoomIndicatorOfAZoomedInPlane() {
        double mag = 3.6;
        Rectangle src = new Rectangle(20, 0, 117, 46);
        Rectangle info = onScreen(info(ViewerAnnotations.build(160, 46, src, mag, SAG, 0.875, INFO)), src, mag);
        Rectangle zoom = ViewerAnnotations.zoomIndicator(160, 46, src);
        assertThat(info.intersects(zoom)).as("info " + info + " under the zoom indicator " + zoom).isFalse();
        assertThat(info.x).as("just right of it").isBetween(zoom.x + zoom.width, zoom.x + zoom.width + 6);
        assertThat(info.y).as("still at the top edge").isLessThan(zoom.y);
    }

    @Test
    void theInfoTextStaysInTheCornerWhenTheWholeImageShows() {
        double mag = 2;
        Rectangle src = new Rectangle(0, 0, 160, 46);
        Rectangle info = onScreen(info(ViewerAnnotations.build(160, 46, src, mag, SAG, 0.875, INFO)), src, mag);
        assertThat(info.x).isLessThanOrEqualTo(5);
        assertThat(info.y).isLessThanOrEqualTo(5);
    }

    private static Roi info(List<Roi> rois) {
        return rois.stream().filter(r -> r.getName().startsWith(ViewerAnnotations.NAME + "info: ")).findFirst().orElseThrow();
    }

    /** {@code r}'s box in screen pixels of a canvas showing {@code src} at {@code mag}, as ImageCanvas maps it. */
    private static Rectangle onScreen(Roi r, Rectangle src, double mag) {
        java.awt.geom.Rectangle2D b = r.getFloatBounds();
        int x0 = (int) Math.floor((b.getX() - src.x) * mag), y0 = (int) Math.floor((b.getY() - src.y) * mag);
        return new Rectangle(x0, y0, (int) Math.ceil((b.getMaxX() - src.x) * mag) - x0, (int) Math.ceil((b.getMaxY() - src.y) * mag) - y0);
    }
}
