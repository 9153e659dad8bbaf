/**
 * The descriptive table of a cohort ("Table 1"): {@link org.parsreader.scoring.describe.Table1Builder}
 * summarises the outcomes file per cohort, by outcome group at each time point and by a grouping
 * column ({@link org.parsreader.scoring.describe.GroupColumn}), with paired and between-group tests
 * from {@code scoring.stats}; {@link org.parsreader.scoring.describe.Table1Csv} and
 * {@link org.parsreader.scoring.describe.Table1Markdown} write it.
 */
package org.parsreader.scoring.describe;
