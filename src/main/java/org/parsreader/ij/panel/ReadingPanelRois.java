package org.parsreader.ij.panel;

import ij.IJ;
import ij.WindowManager;
import java.awt.Color;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Side;
import org.parsreader.ij.panel.FindingsFormModel.Cell;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.RoiTool;

/**
 * The reading panel's path from a drawn selection to a stored ROI: choosing an ROI tool (ImageJ's
 * tool follows), Add selection and Ctrl+Enter, a form cell's Link ROI, the seed tool's contrast
 * quantification, the measured value a numeric finding takes from its ROI, and the edema ratio
 * the ROI line shows.
 */
final class ReadingPanelRois {
    private final ReadingPanelActions actions;
    private final Supplier<ReadingSession> session;
    private final Supplier<RoiToolBar> roiTools;
    private final Consumer<String> message;
    private final Consumer<String> error;
    private final BiConsumer<String, Color> status;
    /** Closes or commits the form's number editor before an ROI may change its cell (event thread). */
    private final Runnable finishEditing;

    /**
     * @param roiTools the panel's ROI tools now
     * @param message  a line for the status line, later (any thread)
     * @param error    a failure for the status line and the form, later (any thread)
     * @param status   a line for the status line now (event thread)
     */
    ReadingPanelRois(ReadingPanelActions actions, Supplier<ReadingSession> session, Supplier<RoiToolBar> roiTools, Consumer<String> message,
            Consumer<String> error, BiConsumer<String, Color> status, Runnable finishEditing) {
        this.finishEditing = finishEditing;
        this.actions = actions;
        this.session = session;
        this.roiTools = roiTools;
        this.message = message;
        this.error = error;
        this.status = status;
    }

    /** The reader chose ROI tool {@code t}: ImageJ's matching tool is selected and the status line says how to draw. */
    void chooseTool(RoiTool t) {
        String imageJTool = switch (t.kind()) {
            case LINE -> "line";
            case POLYGON -> "polygon";
            case POINT, SEED -> "point";
        };
        IJ.setTool(imageJTool);
        status.accept(t.label() + ": " + RoiToolBar.how(t) + ", then Add selection (Ctrl+Enter, in the panel or on the viewer)", Color.DARK_GRAY);
    }

    /** Add selection with tool {@code t} at the tool bar's level and side (a seed quantifies the contrast from it). */
    void addRoi(RoiTool t) {
        RoiToolBar tools = roiTools.get();
        ReadingSession s = session.get();
        Optional<RoiToolBar.Place> p = tools.place();
        if (p.isEmpty()) return;
        String level = p.get().level();
        Side side = tools.sideFor(t);
        String sideText = side == null ? null : side.label();
        finishEditing.run();
        if (t.kind() == RoiTool.Kind.SEED) {
            // with compartments outlined at this level and side, the quantification also says which ones the contrast reached
            boolean outlined = s.document().rois().stream().anyMatch(r -> level.equals(r.level()) && r.side() == side
                    && RoiTool.forRoi(s.template(), r.finding(), r.label()).map(x -> x.roiLabel() != null).orElse(false));
            Map<String, String> o = ReadingPanelActions.of("level", level, "side", sideText, "seed", "roi", "compartments", outlined ? "" : null);
            message.accept("quantifying the contrast from the clicked seed ...");
            actions.after(() -> {
                String result = ReadingPanelPerformer.forPanel().perform("quantify", o);
                message.accept(result);
            });
            return;
        }
        addSelection(t, t.finding(), level, side, ReadingPanelActions.of("tool", t.id(), "level", level, "side", sideText));
    }

    /** Ctrl+Enter (in the panel or on a viewer): the chosen tool takes the active image's selection. */
    void addSelectionKey() {
        RoiToolBar tools = roiTools.get();
        if (tools.active().isEmpty()) {
            error.accept("Ctrl+Enter adds the selection with an ROI tool: choose one first (its button, or Alt+its key)");
            return;
        }
        if (tools.place().isEmpty()) {
            error.accept(tools.active().get().label() + ": select a cell of the form first (its level and side take the ROI)");
            return;
        }
        tools.addSelection();
    }

    /**
     * Stores the active image's selection as an ROI of {@code finding}. For a numeric finding the
     * ROI measures (a line's length in mm, a polygon's mean signal) and Reading Add ROI's
     * {@code fill} sets the value from it, linked to the ROI: one recorded action and one undo step.
     */
    private void addSelection(RoiTool t, String finding, String level, Side side, Map<String, String> addOptions) {
        actions.after(() -> {
            // checks the selection (kind, not an overlay label) with the reader's message; the core computes the value
            if (measuredValue(t, finding, level, side).isPresent()) addOptions.put("fill", "");
            ij.ImagePlus drawnOn = WindowManager.getCurrentImage();
            String added = ReadingPanelPerformer.forPanel().perform("add-roi", addOptions);
            message.accept(added);
            // stored, and drawn by the viewers in the tool's colour: the selection goes, so the next one starts afresh
            if (drawnOn != null) javax.swing.SwingUtilities.invokeLater(drawnOn::deleteRoi);
        });
    }

    /**
     * The value a selection gives a numeric finding: a straight line on a finding in mm its length
     * (0.01 mm), a polygon its mean signal (0.1); empty for other findings and kinds. Throws with
     * the reader's message when there is no usable selection.
     */
    private Optional<String> measuredValue(RoiTool t, String finding, String level, Side side) {
        var type = session.get().template().finding(finding).orElse(null);
        if (type == null || type.type() != org.parsreader.findings.ReadingTemplate.ValueType.NUMBER) return Optional.empty();
        ij.ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null || imp.getRoi() == null) return Optional.empty(); // Add ROI says what is missing
        if (imp.getRoi() instanceof ij.gui.TextRoi || imp.getRoi() instanceof ij.gui.ImageRoi) {
            throw new IllegalArgumentException("the selection on '" + imp.getTitle() + "' is a label of the overlay, not a drawn ROI; draw the "
                    + (t == null ? "selection" : t.roiType().label()) + " again (start away from the labels)");
        }
        org.parsreader.volume.Volume v = org.parsreader.ij.ImageRois.sourceVolume(imp);
        FindingsDocument.Roi roi = org.parsreader.ij.ImageRois.toFindingsRoi(imp, imp.getRoi(), finding, level, side);
        if (t != null && roi.type() != t.roiType()) {
            throw new IllegalArgumentException(t.label() + " takes a " + t.roiType().label() + "; the selection on '" + imp.getTitle() + "' is a "
                    + roi.type().label() + " (" + RoiToolBar.how(t) + ")");
        }
        if (roi.type() == FindingsDocument.RoiType.LINE && "mm".equals(type.unit())) {
            return Optional.of(FindingsFormModel.number(Math.round(org.parsreader.findings.RoiGeometry.lengthMm(roi) * 100) / 100.0));
        }
        if (roi.type() == FindingsDocument.RoiType.POLYGON) {
            double mean = org.parsreader.findings.RoiGeometry.polygonStats(roi, v).mean();
            return Optional.of(FindingsFormModel.number(Math.round(mean * 10) / 10.0));
        }
        return Optional.empty();
    }

    /** "Link ROI" on a cell: the active image's selection becomes the ROI of the cell's finding at its level and side. */
    void link(Cell c) {
        Optional<RoiTool> tool = RoiTool.find(session.get().template(), c.finding().id());
        Map<String, String> o = tool.isPresent()
                ? ReadingPanelActions.of("tool", tool.get().id(), "level", c.level(), "side", c.side() == null ? null : c.side().label())
                : ReadingPanelActions.place(c.finding().id(), c.level(), c.side());
        finishEditing.run();
        if (tool.isPresent() && tool.get().kind() == RoiTool.Kind.SEED) {
            error.accept(tool.get().label() + ": click the contrast with the seed tool and Add selection; the region becomes the ROI");
            return;
        }
        addSelection(tool.orElse(null), c.finding().id(), c.level(), c.side(), o);
    }

    /** The edema ratio at a level and side as the ROI line shows it, when both ROIs exist. */
    Optional<String> bmeText(String level, Side side) {
        try {
            return session.get().bme(level, side).map(b -> String.format(Locale.ROOT, "Edema %s%s: CR %.3f · ratio %.2f (%.1f / %.1f)", level,
                    side == null ? "" : " " + side.label(), b.contrastRatio(), b.simpleRatio(), b.bmeMean(), b.refMean()));
        } catch (RuntimeException e) {
            return Optional.of("Edema " + level + (side == null ? "" : " " + side.label()) + ": " + ReadingPanelActions.message(e));
        }
    }
}
