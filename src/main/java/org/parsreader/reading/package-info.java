/**
 * The reading of one case, headless: what the reading panel, its macro commands and its tests
 * share. {@link org.parsreader.reading.ReadingSession} holds a reader's open case (findings,
 * series, levels) and is the only way the panel changes findings, so every panel action is
 * also a macro action with the same effect; a reader's step (a ROI with its measurements and
 * the edema ratio, a contrast quantification) is one undo. {@link org.parsreader.reading.SeriesPlan}
 * chooses the series, {@link org.parsreader.reading.RoiTool} derives the ROI tools from the
 * template, {@link org.parsreader.reading.Blinding} hides identity from a blinded reader, and
 * {@link org.parsreader.reading.WorklistNavigator} moves a reader through a worklist.
 * No AWT, Swing or ij.gui here.
 */
package org.parsreader.reading;
