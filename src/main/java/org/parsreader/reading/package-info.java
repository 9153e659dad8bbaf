/**
 * The reading of one case, headless: what the reading panel, its macro commands and its tests
 * share. {@link org.parsreader.reading.ReadingSession} holds a reader's open case (findings,
 * series, levels) and is the only way the panel changes findings, so every panel action is
 * also a macro action with the same effect. No AWT, Swing or ij.gui here.
 */
package org.parsreader.reading;
