package org.parsreader.scoring.predictors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * Rolls one reader's findings of one patient up to the findings predictors of
 * {@link DataDictionary}, over the injected level(s): the levels with a needle tip or
 * contrast value, or L5 when the reader recorded no injection. Segment findings (slip,
 * disc, facets, foramina) are those recorded at the injected level, i.e. of the segment
 * below it. A number finding without a value at a place falls back to a measurement there.
 * What is not recorded stays missing (NaN), never 0.
 *
 * <pre>{@code
 * PredictorExtractor x = new PredictorExtractor(ReadingTemplate.builtIn("pars-injection"));
 * PredictorExtractor.Extracted e = x.extract(doc, "P001/findings/R1.findings.json");
 * double bme = e.values()[0];   // bme_isthmic_any: 1, 0 or NaN
 * }</pre>
 */
public final class PredictorExtractor {
    public static final String DEFAULT_LEVEL = "L5";
    private static final Set<String> INJECTION = Set.of("needle_tip", "contrast_compartments", "contrast_volume_ml");

    private final ReadingTemplate template;
    private final List<PredictorDef> predictors;
    private final List<String> compartments;

    public PredictorExtractor(ReadingTemplate template) {
        this.template = template;
        this.predictors = DataDictionary.findingsPredictors(template);
        this.compartments = DataDictionary.compartments(template);
    }

    /** The predictors {@link #extract} fills, in order. */
    public List<PredictorDef> predictors() {
        return predictors;
    }

    /**
     * @param injectedLevels the levels rolled up over
     * @param levelAssumed   true when no injection was recorded and {@value #DEFAULT_LEVEL} was assumed
     * @param values         one value per {@link #predictors()}, NaN when missing
     */
    public record Extracted(List<String> injectedLevels, boolean levelAssumed, double[] values) { }

    /** Rolls up one document; {@code source} (its file) is named in every error. */
    public Extracted extract(FindingsDocument doc, String source) {
        Doc d = new Doc(doc, source);
        double[] v = new double[predictors.size()];
        int i = 0;
        v[i++] = d.any("bme_isthmic", x -> x > 0);
        v[i++] = d.bilateral("bme_isthmic", x -> x > 0);
        v[i++] = d.bmeRatioMax();
        v[i++] = d.max("hollenberg");
        v[i++] = d.any("hollenberg", x -> x == 3);
        v[i++] = d.max("pars_defect");
        v[i++] = d.max("ct_stage");
        v[i++] = d.max("gap_width_mm");
        v[i++] = d.max("slip_pct");
        v[i++] = d.max("meyerding");
        v[i++] = d.max("pfirrmann");
        v[i++] = d.any("modic", x -> x > 0);
        v[i++] = d.max("facet_weishaupt");
        v[i++] = d.max("foraminal_lee");
        int intra = finding("needle_tip").values().indexOf("intra-defect");
        v[i++] = d.any("needle_tip", x -> x == intra);
        List<Set<String>> reached = d.compartments();
        for (String c : compartments) {
            v[i++] = reached.isEmpty() ? Double.NaN : reached.stream().anyMatch(s -> s.contains(c)) ? 1 : 0;
        }
        v[i++] = d.contrastIntradefectBilateral();
        Set<String> union = new TreeSet<>();
        reached.forEach(union::addAll);
        v[i++] = reached.isEmpty() ? Double.NaN : union.size();
        v[i++] = d.totalVolume();
        if (i != v.length) throw new IllegalStateException("extractor fills " + i + " of " + v.length + " predictors");
        return new Extracted(d.levels, d.assumed, v);
    }

    private FindingType finding(String id) {
        return DataDictionary.finding(template, id);
    }

    /** One document indexed by finding, level and side (side null for segment findings). */
    private final class Doc {
        final String source;
        final Map<String, Map<String, Map<Side, Value>>> at = new HashMap<>();
        final List<String> levels;
        final boolean assumed;

        Doc(FindingsDocument doc, String source) {
            this.source = source;
            for (FindingValue fv : doc.values()) {
                if (fv.value() == null) continue;
                at.computeIfAbsent(fv.finding(), k -> new HashMap<>()).computeIfAbsent(fv.level(), k -> new HashMap<>()).put(fv.side(), fv.value());
            }
            for (Measurement m : doc.measurements()) {
                at.computeIfAbsent(m.finding(), k -> new HashMap<>()).computeIfAbsent(m.level(), k -> new HashMap<>())
                        .putIfAbsent(m.side(), new Value.Number(m.value()));
            }
            Set<String> injected = new LinkedHashSet<>();
            for (String lv : template.allLevels()) {
                for (String f : INJECTION) if (at.getOrDefault(f, Map.of()).containsKey(lv)) injected.add(lv);
            }
            assumed = injected.isEmpty();
            levels = assumed ? List.of(DEFAULT_LEVEL) : List.copyOf(injected);
        }

        Value value(String finding, String level, Side side) {
            return at.getOrDefault(finding, Map.of()).getOrDefault(level, Map.of()).get(side);
        }

        /** Every coded value of a finding at the injected levels. */
        List<Double> coded(String finding) {
            List<Double> out = new ArrayList<>();
            for (String lv : levels) {
                Map<Side, Value> bySide = at.getOrDefault(finding, Map.of()).getOrDefault(lv, Map.of());
                for (Map.Entry<Side, Value> e : bySide.entrySet()) out.add(code(finding, lv, e.getKey(), e.getValue()));
            }
            return out;
        }

        double code(String finding, String level, Side side, Value v) {
            FindingType f = finding(finding);
            if (v instanceof Value.Flag b) return b.value() ? 1 : 0;
            if (v instanceof Value.Number n) return n.value();
            if (v instanceof Value.Choice c) {
                int k = f.values() == null ? -1 : f.values().indexOf(c.value());
                if (k >= 0) {
                    boolean numeric = f.values().stream().allMatch(s -> s.matches("-?\\d+"));
                    return numeric ? Integer.parseInt(c.value()) : k;
                }
            }
            throw new PredictorException(source + ": " + finding + " at " + level + (side == null ? "" : " " + side.label()) + ": '" + v.text()
                    + "' is not a value of the template's " + f.type().name().toLowerCase() + " " + finding
                    + (f.values() == null ? "" : " " + f.values()));
        }

        double any(String finding, DoublePredicate positive) {
            List<Double> v = coded(finding);
            return v.isEmpty() ? Double.NaN : v.stream().anyMatch(positive::test) ? 1 : 0;
        }

        double max(String finding) {
            return coded(finding).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** Kleene logic: per level left AND right; over levels OR; null = unknown. */
        double bilateral(String finding, DoublePredicate positive) {
            return bilateral((lv, side) -> {
                Value v = value(finding, lv, side);
                return v == null ? null : positive.test(code(finding, lv, side, v));
            });
        }

        double bilateral(java.util.function.BiFunction<String, Side, Boolean> sideTest) {
            Boolean any = Boolean.FALSE;
            for (String lv : levels) {
                Boolean l = sideTest.apply(lv, Side.LEFT);
                Boolean r = sideTest.apply(lv, Side.RIGHT);
                Boolean both = Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
                if (Boolean.TRUE.equals(both)) return 1;
                if (both == null) any = null;
            }
            return any == null ? Double.NaN : 0;
        }

        double bmeRatioMax() {
            double best = Double.NaN;
            for (String lv : levels) {
                for (Side s : Side.values()) {
                    Value a = value("bme_roi_mean", lv, s);
                    Value b = value("bme_ref_mean", lv, s);
                    if (a instanceof Value.Number na && b instanceof Value.Number nb && na.value() + nb.value() > 0) {
                        // in tenths: the ratio spans about 0..1, so an odds ratio per 0.1 is what a reader can use
                        double cr = 10 * (na.value() - nb.value()) / (na.value() + nb.value());
                        best = Double.isNaN(best) ? cr : Math.max(best, cr);
                    }
                }
            }
            return best;
        }

        /** The compartment sets of every injection that recorded them. */
        List<Set<String>> compartments() {
            List<Set<String>> out = new ArrayList<>();
            for (String lv : levels) {
                for (Side s : Side.values()) {
                    Value v = value("contrast_compartments", lv, s);
                    if (v != null) out.add(compartmentSet(lv, s, v));
                }
            }
            return out;
        }

        Set<String> compartmentSet(String lv, Side s, Value v) {
            if (!(v instanceof Value.Choices cs)) {
                throw new PredictorException(source + ": contrast_compartments at " + lv + " " + s.label() + ": '" + v.text() + "' is not a list of compartments");
            }
            for (String c : cs.values()) {
                if (!compartments.contains(c)) {
                    throw new PredictorException(source + ": contrast_compartments at " + lv + " " + s.label() + ": '" + c + "' is not one of " + compartments);
                }
            }
            return Set.copyOf(cs.values());
        }

        double contrastIntradefectBilateral() {
            return bilateral((lv, side) -> {
                Value v = value("contrast_compartments", lv, side);
                return v == null ? null : compartmentSet(lv, side, v).contains("pars_defect");
            });
        }

        /** Sum over the injections (places with any injection finding); missing if one lacks a volume. */
        double totalVolume() {
            double sum = 0;
            int places = 0;
            for (String lv : levels) {
                for (Side s : Side.values()) {
                    boolean injection = INJECTION.stream().anyMatch(f -> value(f, lv, s) != null);
                    if (!injection) continue;
                    places++;
                    Value v = value("contrast_volume_ml", lv, s);
                    if (v == null) return Double.NaN;
                    sum += code("contrast_volume_ml", lv, s, v);
                }
            }
            return places == 0 ? Double.NaN : sum;
        }
    }
}
