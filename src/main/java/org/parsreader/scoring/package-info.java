/**
 * The scoring module: from a cohort's findings files and outcomes CSV to the tables of a paper.
 * {@link org.parsreader.scoring.ScoringRun} (the {@code score} command) and
 * {@link org.parsreader.scoring.AgreementRun} (the {@code agreement} command) drive the
 * subpackages: {@code outcome} (CSV, success rules), {@code predictors} (roll-up, dictionary),
 * {@code analysis} (univariable models, agreement), {@code report} (CSV, Markdown, forest plot),
 * {@code cohort} (simulated cohort), {@code stats} (the statistics, checked against R).
 */
package org.parsreader.scoring;
