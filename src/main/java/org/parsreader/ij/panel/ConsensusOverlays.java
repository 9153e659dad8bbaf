package org.parsreader.ij.panel;

import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.reading.ReadingSession;
import org.parsreader.volume.Volume;

/**
 * The two independent readers' ROIs of the open disagreements on a consensus read's viewers:
 * drawn as {@link OverlayPainter} draws the reader's own, but in each reader's colour
 * ({@link ConsensusReading#READER_COLOURS}) and labelled R1 / R2. A resolved disagreement's ROIs
 * go away with it. Nothing for a session that is not a consensus read.
 */
final class ConsensusOverlays {
    static final String NAME = OverlayPainter.PREFIX + "consensus ";

    private ConsensusOverlays() {}

    static List<Roi> rois(ReadingSession session, Volume v, double magnification) {
        ConsensusReading c = ConsensusReading.of(session).orElse(null);
        if (c == null) return List.of();
        List<Roi> out = new ArrayList<>();
        java.util.Map<Integer, List<java.awt.Rectangle>> measures = new java.util.HashMap<>(); // both readers' measure labels, by slice
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 12).deriveFont(OverlayPainter.fontSize(12, magnification));
        for (int i = 0; i < 2; i++) {
            List<FindingsDocument.Roi> mine = c.openRois(i);
            if (mine.isEmpty()) continue;
            FindingsDocument read = c.reads().get(i);
            FindingsDocument only = new FindingsDocument(read.schemaVersion(), read.pseudonym(), read.studyInstanceUids(), read.reader(),
                    read.template(), read.created(), read.modified(), List.of(), mine, List.of(), null);
            Color colour = ConsensusReading.READER_COLOURS[i];
            String tag = "R" + (i + 1);
            List<Roi> drawn = OverlayPainter.rois(v, only, session.template(), magnification, tag + " ", measures);
            for (int k = 0; k < drawn.size(); k++) {
                Roi r = drawn.get(k);
                r.setStrokeColor(colour);
                String name = r.getName() == null ? "" : r.getName().substring(Math.min(r.getName().length(), OverlayPainter.ROI.length()));
                if (r instanceof TextRoi) {
                    // the measure, tagged with whose it is and placed clear of the other reader's (shared labels)
                    r.setName(NAME + tag + " measure " + name);
                    out.add(r);
                    continue;
                }
                r.setName(NAME + tag + " " + name);
                out.add(r);
                if (k + 1 < drawn.size() && drawn.get(k + 1) instanceof TextRoi) continue; // its measure carries the tag
                java.awt.Rectangle b = r.getBounds();
                TextRoi label = new TextRoi(b.x + b.width + 2, b.y - font.getSize2D() + i * font.getSize2D() * 1.4, tag, font);
                label.setStrokeColor(colour);
                label.setFillColor(new Color(0, 0, 0, 110));
                label.setAntiAlias(true);
                label.setPosition(r.getPosition());
                label.setName(NAME + tag + " label " + name);
                out.add(label);
            }
        }
        return out;
    }
}
