package org.parsreader.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The study status as a Markdown or HTML report for the study lead, and as plain data for JSON. */
public final class StatusReport {
    private StatusReport() {}

    /** A cell as short text: "complete (frozen)", "invalid: why". */
    public static String text(StudyStatus.Cell c) {
        if (c == null) return "";
        return c.state().label() + (c.isFrozen() ? " (frozen)" : "") + (c.problem() == null ? "" : ": " + c.problem());
    }

    public static String markdown(StudyStatus s) {
        StringBuilder b = new StringBuilder("# Reader study status\n\n");
        Study st = s.study();
        b.append("Study: `").append(st.file().getFileName()).append("`").append(st.data().title() == null ? "" : " (" + md(st.data().title()) + ")")
                .append("; template ").append(st.template().id()).append(' ').append(st.template().version()).append("; ")
                .append(st.cases().size()).append(" cases.\n\n## Totals per reader\n\n")
                .append("| reader | role | not started | in progress | complete | invalid | frozen |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (StudyStatus.Totals t : s.totals()) {
            b.append("| ").append(t.reader()).append(" | ").append(st.reader(t.reader()).role().label()).append(" | ").append(t.notStarted()).append(" | ")
                    .append(t.inProgress()).append(" | ").append(t.complete()).append(" | ").append(t.invalid()).append(" | ").append(t.frozen()).append(" |\n");
        }
        List<String> ready = s.readyForConsensus();
        b.append("\n## Ready for consensus\n\n").append(ready.isEmpty() ? "none" : ready.size() + ": " + String.join(", ", ready)).append("\n\n## Cases\n\n");
        List<String> head = header(s);
        b.append("| ").append(String.join(" | ", head)).append(" |\n|").append("---|".repeat(head.size())).append('\n');
        for (List<String> row : rows(s)) {
            b.append("| ").append(String.join(" | ", row.stream().map(StatusReport::md).toList())).append(" |\n");
        }
        return b.toString();
    }

    public static String html(StudyStatus s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reader study status</title>\n"
                + "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
                + ".invalid{background:#fcc}.complete{background:#cfc}.in-progress{background:#ffc}</style></head><body>\n<h1>Reader study status</h1>\n");
        Study st = s.study();
        b.append("<p>Study ").append(h(st.file().getFileName().toString())).append(st.data().title() == null ? "" : " (" + h(st.data().title()) + ")")
                .append("; template ").append(h(st.template().id() + " " + st.template().version())).append("; ").append(st.cases().size()).append(" cases.</p>\n");
        b.append("<h2>Totals per reader</h2>\n<table><tr><th>reader</th><th>role</th><th>not started</th><th>in progress</th><th>complete</th><th>invalid</th><th>frozen</th></tr>\n");
        for (StudyStatus.Totals t : s.totals()) {
            b.append("<tr><td>").append(h(t.reader())).append("</td><td>").append(st.reader(t.reader()).role().label()).append("</td><td>").append(t.notStarted())
                    .append("</td><td>").append(t.inProgress()).append("</td><td>").append(t.complete()).append("</td><td>").append(t.invalid())
                    .append("</td><td>").append(t.frozen()).append("</td></tr>\n");
        }
        List<String> ready = s.readyForConsensus();
        b.append("</table>\n<h2>Ready for consensus</h2>\n<p>").append(ready.isEmpty() ? "none" : ready.size() + ": " + h(String.join(", ", ready))).append("</p>\n");
        b.append("<h2>Cases</h2>\n<table><tr>");
        for (String c : header(s)) b.append("<th>").append(h(c)).append("</th>");
        b.append("</tr>\n");
        for (List<String> row : rows(s)) {
            b.append("<tr>");
            for (String c : row) {
                String cls = c.startsWith("invalid") ? "invalid" : c.startsWith("complete") ? "complete" : c.startsWith("in progress") ? "in-progress" : "";
                b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(h(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    /** The status as maps and lists (for JSON). */
    public static Map<String, Object> data(StudyStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", s.study().file().toString());
        m.put("template", s.study().template().id() + " " + s.study().template().version());
        List<Object> totals = new ArrayList<>();
        for (StudyStatus.Totals t : s.totals()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("reader", t.reader());
            x.put("role", s.study().reader(t.reader()).role().label());
            x.put("notStarted", t.notStarted());
            x.put("inProgress", t.inProgress());
            x.put("complete", t.complete());
            x.put("invalid", t.invalid());
            x.put("frozen", t.frozen());
            totals.add(x);
        }
        m.put("totals", totals);
        m.put("readyForConsensus", s.readyForConsensus());
        List<Object> cases = new ArrayList<>();
        for (StudyStatus.CaseRow r : s.rows()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("case", r.caseId());
            List<Object> reads = new ArrayList<>();
            List<StudyStatus.Cell> all = new ArrayList<>(r.reads());
            if (r.consensus() != null) all.add(r.consensus());
            for (StudyStatus.Cell c : all) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("reader", c.reader());
                y.put("state", c.state().label());
                y.put("frozen", c.isFrozen());
                y.put("values", c.values());
                if (c.problem() != null) y.put("problem", c.problem());
                reads.add(y);
            }
            x.put("reads", reads);
            x.put("readyForConsensus", r.readyForConsensus());
            x.put("consensus", r.consensusState());
            cases.add(x);
        }
        m.put("cases", cases);
        return m;
    }

    private static List<String> header(StudyStatus s) {
        List<String> h = new ArrayList<>(List.of("case"));
        for (StudyFile.Reader r : s.study().independentReaders()) h.add(r.id());
        h.add("ready for consensus");
        s.study().adjudicator().ifPresent(a -> h.add(a.id() + " read"));
        h.add("consensus progress");
        return h;
    }

    private static List<List<String>> rows(StudyStatus s) {
        List<List<String>> out = new ArrayList<>();
        for (StudyStatus.CaseRow r : s.rows()) {
            List<String> row = new ArrayList<>(List.of(r.caseId()));
            for (StudyStatus.Cell c : r.reads()) row.add(text(c));
            row.add(r.readyForConsensus() ? "yes" : "no");
            if (r.consensus() != null) row.add(text(r.consensus()));
            row.add(r.consensusState());
            out.add(row);
        }
        return out;
    }

    /** Markdown table cell: no pipes or line breaks. */
    private static String md(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** HTML text (hand-written: four characters; no HTML library is a dependency here). */
    private static String h(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
