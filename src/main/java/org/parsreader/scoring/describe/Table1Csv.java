package org.parsreader.scoring.describe;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.parsreader.scoring.report.Fmt;
import org.parsreader.scoring.stats.TestResult;

/**
 * table1.csv, tidy and at full precision: one line per panel, variable, level and group with
 * n, missing, mean, sd, median, q1, q3 (continuous and change rows) or count and percent (a
 * level of a categorical row), and one line per test: the group's paired tests of a change row
 * (group = the group) and the tests between groups (group = "between"), with the test's name,
 * statistic, df, p, whether p is exact, and a note when it could not be computed.
 */
public final class Table1Csv {
    public static final String HEADER = "panel,variable,label,level,group,n,missing,mean,sd,median,q1,q3,count,percent,"
            + "test,statistic_name,statistic,df,p,exact,note";

    private Table1Csv() { }

    public static void write(Table1 t, Writer w) throws IOException {
        w.write(HEADER + "\n");
        for (Table1.Panel p : t.panels()) {
            for (Table1.Row r : p.rows()) {
                String head = Fmt.cell(p.id()) + "," + Fmt.cell(r.variable()) + "," + Fmt.cell(r.label()) + ",";
                for (Table1.Cell c : r.cells()) {
                    if (r.kind() == Table1.Kind.CATEGORICAL) {
                        for (int l = 0; l < r.levels().size(); l++) {
                            w.write(head + Fmt.cell(r.levels().get(l)) + "," + Fmt.cell(c.group()) + "," + c.n() + "," + c.missing() + ",,,,,,"
                                    + c.counts()[l] + "," + Fmt.csv(c.percent(l)) + ",,,,,,,\n");
                        }
                    } else {
                        var s = c.summary();
                        w.write(head + "," + Fmt.cell(c.group()) + "," + c.n() + "," + c.missing() + "," + Fmt.csv(s.mean()) + "," + Fmt.csv(s.sd()) + ","
                                + Fmt.csv(s.median()) + "," + Fmt.csv(s.q1()) + "," + Fmt.csv(s.q3()) + ",,,,,,,,,\n");
                    }
                    tests(w, head, c.group(), c.paired());
                }
                tests(w, head, "between", r.between());
            }
        }
        w.flush();
    }

    private static void tests(Writer w, String head, String group, List<TestResult> tests) throws IOException {
        for (TestResult t : tests) {
            w.write(head + "," + Fmt.cell(group) + ",,,,,,,,,," + Fmt.cell(t.test()) + "," + Fmt.cell(t.statisticName()) + ","
                    + Fmt.csv(t.statistic()) + "," + Fmt.csv(t.df()) + "," + Fmt.csv(t.p()) + "," + (t.computed() ? t.exact() : "") + ","
                    + Fmt.cell(t.note()) + "\n");
        }
    }
}
