package org.parsreader.scoring.stats;

import java.util.Locale;

/**
 * The ICC forms of Shrout &amp; Fleiss (1979), named as there and as {@code psych::ICC} names
 * its rows. Parsed from the option text "2,1", "3,1" or "2,k".
 */
public enum IccForm {
    /** Two-way random effects, absolute agreement, single rater (psych row ICC2). */
    ICC2_1("2,1", "ICC(2,1)", "ICC2", "icc21"),
    /** Two-way mixed effects, consistency, single rater (psych row ICC3). */
    ICC3_1("3,1", "ICC(3,1)", "ICC3", "icc31"),
    /** Two-way random effects, absolute agreement, mean of k raters (psych row ICC2k). */
    ICC2_K("2,k", "ICC(2,k)", "ICC2k", "icc2k");

    private final String option;
    private final String label;
    private final String psychRow;
    private final String statistic;

    IccForm(String option, String label, String psychRow, String statistic) {
        this.option = option;
        this.label = label;
        this.psychRow = psychRow;
        this.statistic = statistic;
    }

    /** "2,1", as typed after {@code --icc}. */
    public String option() { return option; }

    /** "ICC(2,1)", as printed in reports. */
    public String label() { return label; }

    /** The row of {@code psych::ICC}'s result table this form equals. */
    public String psychRow() { return psychRow; }

    /** The statistic name in agreement.csv ("icc21"). */
    public String statistic() { return statistic; }

    /** "2,1", "3,1", "2,k" (also "ICC(2,1)", "icc21", case and spaces ignored). */
    public static IccForm parse(String text) {
        String t = text == null ? "" : text.replace(" ", "").toLowerCase(Locale.ROOT);
        for (IccForm f : values()) {
            if (t.equals(f.option) || t.equals(f.label.toLowerCase(Locale.ROOT)) || t.equals(f.statistic)) return f;
        }
        throw new StatsInputException("ICC form '" + text + "' is not one of 2,1 3,1 2,k");
    }
}
