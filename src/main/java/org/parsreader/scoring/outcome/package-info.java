/** Outcomes per patient pseudonym from a CSV, and configurable success rules per time point (PPR, NRS drop, GPE; missing follow-up rule). */
package org.parsreader.scoring.outcome;
