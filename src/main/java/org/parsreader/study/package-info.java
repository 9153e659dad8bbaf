/**
 * Reader studies, headless: the study file ({@link org.parsreader.study.StudyFile}, schema in
 * {@code docs/schema/study-1.schema.json}), the loaded study with each reader's seeded worklist
 * ({@link org.parsreader.study.Study}), progress per reader and case
 * ({@link org.parsreader.study.StudyStatus}, {@link org.parsreader.study.StatusReport}), frozen
 * first reads ({@link org.parsreader.study.Freezing}, on the store's freeze), discrepancies
 * between the independent reads ({@link org.parsreader.study.Discrepancies}) and the consensus
 * read with its resolutions ({@link org.parsreader.study.Consensus}). The command line is
 * {@code cli.StudyCommand}.
 */
package org.parsreader.study;
