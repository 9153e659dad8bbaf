/**
 * ImageJ commands (Plugins &gt; Pars Reader): the only package that touches ImageJ's GUI,
 * AWT or Swing. Each command parses its options (macro options when a macro or a headless
 * run calls it, dialogs otherwise), calls one static {@code process} method, and shows the
 * result. Unknown macro keys are an error that names the key.
 */
package org.parsreader.ij;
