package org.parsreader.scoring.describe;

import java.util.List;
import org.parsreader.scoring.stats.Descriptive;
import org.parsreader.scoring.stats.TestResult;

/**
 * A descriptive table: panels (the whole cohort, by outcome at each time point, by a grouping
 * column), each with its groups and one row per variable.
 *
 * @param source the outcomes file it describes
 * @param rule   the outcome rule of the outcome panels, as people read it
 */
public record Table1(String source, String rule, List<Panel> panels) {
    public Table1 {
        panels = List.copyOf(panels);
    }

    /** How a row is summarised. */
    public enum Kind {
        /** n, mean +- SD, median [IQR], missing; Mann-Whitney and Welch t between two groups, Kruskal-Wallis between more */
        CONTINUOUS,
        /** follow-up minus baseline of the same patient, plus a paired Wilcoxon signed-rank and paired t test per group */
        CHANGE,
        /** n (%) per level (percent of the patients with a value), missing; chi-square or Fisher's exact between groups */
        CATEGORICAL
    }

    /**
     * @param id     "cohort", "outcome:&lt;time point&gt;" or "group:&lt;column&gt;"
     * @param notes  who was left out of the panel and why, tests not computed
     */
    public record Panel(String id, String title, List<Group> groups, List<Row> rows, List<String> notes) {
        public Panel {
            groups = List.copyOf(groups);
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    /** @param patients patients in the group */
    public record Group(String label, int patients) { }

    /**
     * @param variable the outcomes file's column (nrs_1month), or nrs_change_&lt;t&gt; for a change
     * @param levels   categories of a categorical row, empty otherwise
     * @param cells    one per group, in the panel's group order
     * @param between  tests between the groups (none with one group)
     */
    public record Row(String variable, String label, Kind kind, List<String> levels, List<Cell> cells, List<TestResult> between) {
        public Row {
            levels = List.copyOf(levels);
            cells = List.copyOf(cells);
            between = List.copyOf(between);
        }
    }

    /**
     * One group's summary of a row.
     *
     * @param summary continuous and change rows; null for categorical
     * @param counts  per level (categorical rows); empty otherwise
     * @param n       patients with a value (a change: with both values)
     * @param missing patients of the group without one
     * @param paired  change rows: Wilcoxon signed-rank and paired t of follow-up against baseline
     */
    public record Cell(String group, Descriptive.Summary summary, long[] counts, int n, int missing, List<TestResult> paired) {
        public Cell {
            counts = counts.clone();
            paired = List.copyOf(paired);
        }

        /** Percent of the patients with a value, NaN when none has one. */
        public double percent(int level) {
            return n == 0 ? Double.NaN : 100.0 * counts[level] / n;
        }
    }
}
