/** Outputs: tidy CSVs, the Markdown report, and the forest plot PNG (off-screen drawing only; runs headless). */
package org.parsreader.scoring.report;
