package org.parsreader.ij.panel;

import ij.ImagePlus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parsreader.reading.WindowPreset;

/**
 * The reformat viewers of a case ({@link CaseViewers}' part for them; issue 12): the ones open,
 * what the tiling, the window presets, maximising and linked zoom do to them, and closing them with
 * the case. Methods other than {@link #open()} and {@link #images()} on the event dispatch thread.
 */
final class CaseReformats {
    private final List<ReformatViewer> all = new CopyOnWriteArrayList<>();

    /** The reformat viewers open now (a window the reader closed is left out). */
    List<ReformatViewer> open() {
        return all.stream().filter(x -> x.image().getWindow() != null).toList();
    }

    /** The images of every reformat viewer added (their windows take the panel's keys). */
    List<ImagePlus> images() {
        return all.stream().map(ReformatViewer::image).toList();
    }

    /** Adds {@code r} (before it is shown), forgetting the ones whose window is closed. */
    void add(ReformatViewer r) {
        all.removeIf(x -> x.image().getWindow() == null);
        all.add(r);
    }

    /** The tiles' entries, after the series': laid out larger (they are read on), zoomed to fill around the pars. */
    void addTiles(List<ViewerTiling.Tiled> out) {
        for (ReformatViewer r : open()) out.add(new ViewerTiling.Tiled(r.image(), r.layoutSize(), r.focus()));
    }

    /** The windows were tiled, maximised or restored: their new zoom is not the reader's. */
    void viewsSeen() {
        for (ReformatViewer r : open()) r.viewSeen();
    }

    /** Applies {@code p} where it applies; how many took it. */
    int preset(WindowPreset p) {
        int k = 0;
        for (ReformatViewer r : open()) if (r.applyPreset(p)) k++;
        return k;
    }

    /** A linked series zoomed by {@code factor} around patient point {@code centre}: the reformats of its frame follow. */
    void follow(SeriesViewer from, double factor, double[] centre) {
        for (ReformatViewer r : open()) {
            String f = r.volume().frameOfReferenceUid();
            if (f != null && f.equals(from.volume().frameOfReferenceUid())) r.followZoom(factor, centre);
        }
    }

    /** Closes every reformat viewer. */
    void close() {
        for (ReformatViewer r : all) r.close();
        all.clear();
    }
}
