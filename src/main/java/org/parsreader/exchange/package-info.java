/**
 * Studies in from a PACS and results out to one, headless: {@link org.parsreader.exchange.ResultsExport}
 * (a reader's SR and SEG with the identity the target needs: pseudonym with shifted or removed
 * dates for research, the original identity for the clinical PACS), {@link org.parsreader.exchange.CasePull}
 * (a study into a case folder, atomically), {@link org.parsreader.exchange.ResultsPush} (export and store),
 * {@link org.parsreader.exchange.PacsCohort} (pull a cohort by accession numbers, run the batch, push back).
 */
package org.parsreader.exchange;
