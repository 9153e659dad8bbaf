/** The seeded simulated reading-study cohort of {@code sample-data/cohort}. */
package org.parsreader.scoring.cohort;
