/**
 * ImageJ commands (Plugins &gt; Pars Reader): the only package that touches ImageJ's GUI,
 * AWT or Swing. Each command parses its options (macro options when a macro or a headless
 * run calls it, dialogs otherwise), calls one static {@code process} method, and shows the
 * result. Unknown macro keys are an error that names the key.
 *
 * <p>Open Study opens a series as a calibrated volume (the {@code Volume} is kept on the
 * image for ROIs in patient mm). The Findings commands (Set, Clear, Add ROI, Remove ROI,
 * List, Validate, Export CSV) each open a reader's findings of a case, make one change, save
 * it through the crash-safe store and close; {@code FindingsMacro} answers macro
 * {@code call(...)}s with text ("error: ..." instead of exceptions).
 */
package org.parsreader.ij;
