package org.parsreader.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * Where the two independent reads of a case differ: per finding, level and side, every value
 * one reader gave and the other did not or gave otherwise; numbers differ only beyond the
 * finding's tolerance in the study file. Choices sets are compared as sets.
 */
public final class Discrepancies {
    private Discrepancies() {}

    /** One reader's value at a place (null: not recorded) and the ROI linked to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReaderValue(String reader, Value value, String roi) {}

    /**
     * @param kind       "differ" or "missing" (one reader recorded nothing)
     * @param difference for numbers, second minus first reader
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discrepancy(String caseId, String finding, String level, Side side, String kind, Double difference, Double tolerance,
                              List<ReaderValue> values) {
        public boolean at(String f, String l, Side s) {
            return finding.equals(f) && level.equals(l) && side == s;
        }

        /** "gap_width_mm L5 left" */
        public String place() {
            return finding + " " + level + (side == null ? "" : " " + side.label());
        }
    }

    /** A case compared: the values both gave, and where they differ. */
    public record Comparison(List<ConsensusRecord.Agreed> agreed, List<Discrepancy> open) {}

    /** A case not compared, and why. */
    public record Skipped(String caseId, String reason) {}

    /** Every discrepancy of the study, case by case, and the cases that could not be compared. */
    public record Listing(List<Discrepancy> discrepancies, List<Skipped> skipped, int compared) {}

    public static Listing of(Study study) throws IOException {
        List<Discrepancy> all = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int compared = 0;
        for (Path c : study.cases()) {
            String id = c.getFileName().toString();
            try {
                List<FindingsDocument> reads = Reads.independent(study, c, study.data().blinding().otherReaders());
                all.addAll(compare(study, id, reads.get(0), reads.get(1)).open());
                compared++;
            } catch (StudyException e) {
                skipped.add(new Skipped(id, e.getMessage()));
            }
        }
        return new Listing(all, skipped, compared);
    }

    /** Compares two reads of one case. */
    public static Comparison compare(Study study, String caseId, FindingsDocument a, FindingsDocument b) {
        ReadingTemplate t = study.template();
        Map<String, FindingValue> av = index(a);
        Map<String, FindingValue> bv = index(b);
        Set<String> keys = new HashSet<>(av.keySet());
        keys.addAll(bv.keySet());
        List<FindingValue> places = new ArrayList<>();
        for (String k : keys) places.add(av.containsKey(k) ? av.get(k) : bv.get(k));
        List<String> findings = t.findings().stream().map(ReadingTemplate.FindingType::id).toList();
        List<String> levels = t.allLevels();
        places.sort(Comparator.comparingInt((FindingValue v) -> findings.indexOf(v.finding()))
                .thenComparingInt(v -> levels.indexOf(v.level()))
                .thenComparingInt(v -> v.side() == null ? -1 : v.side().ordinal()));
        List<ConsensusRecord.Agreed> agreed = new ArrayList<>();
        List<Discrepancy> open = new ArrayList<>();
        for (FindingValue p : places) {
            String k = key(p);
            FindingValue x = av.get(k);
            FindingValue y = bv.get(k);
            List<ReaderValue> values = List.of(new ReaderValue(a.reader().id(), x == null ? null : x.value(), x == null ? null : x.roi()),
                    new ReaderValue(b.reader().id(), y == null ? null : y.value(), y == null ? null : y.roi()));
            if (x == null || y == null) {
                open.add(new Discrepancy(caseId, p.finding(), p.level(), p.side(), "missing", null, null, values));
                continue;
            }
            if (x.value() instanceof Value.Number n && y.value() instanceof Value.Number m) {
                double tol = study.tolerance(p.finding());
                double diff = m.value() - n.value();
                if (Math.abs(diff) <= tol + 1e-9 * Math.max(1, Math.abs(n.value()))) {
                    agreed.add(new ConsensusRecord.Agreed(p.finding(), p.level(), p.side(),
                            diff == 0 ? x.value() : new Value.Number((n.value() + m.value()) / 2), diff == 0 ? "equal" : "within tolerance " + tol + ", mean"));
                } else {
                    open.add(new Discrepancy(caseId, p.finding(), p.level(), p.side(), "differ", diff, tol, values));
                }
            } else if (same(x.value(), y.value())) {
                agreed.add(new ConsensusRecord.Agreed(p.finding(), p.level(), p.side(), x.value(), "equal"));
            } else {
                open.add(new Discrepancy(caseId, p.finding(), p.level(), p.side(), "differ", null, null, values));
            }
        }
        return new Comparison(agreed, open);
    }

    private static boolean same(Value x, Value y) {
        if (x instanceof Value.Choices c && y instanceof Value.Choices d) return new HashSet<>(c.values()).equals(new HashSet<>(d.values()));
        return Objects.equals(x, y);
    }

    private static Map<String, FindingValue> index(FindingsDocument d) {
        Map<String, FindingValue> m = new LinkedHashMap<>();
        for (FindingValue v : d.values()) m.put(key(v), v);
        return m;
    }

    private static String key(FindingValue v) {
        return v.finding() + "\u0000" + v.level() + "\u0000" + (v.side() == null ? "" : v.side().label());
    }
}
