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
 * {@link DataDictionary}, over the injected level(s): the levels with a needle tip,
 * contrast or injectate value, or L5 when the reader recorded no injection. Segment findings (slip,
 * disc, facets, foramina) are those recorded at the injected level, i.e. of the segment
 * below it. A number finding without a value at a place falls back to a measurement there.
 * What is not recorded stays missing (NaN), never 0; so does what the reader recorded as
 * {@link Value.NotAssessable not assessable}, and {@link Extracted#notAssessable()} says which
 * missing predictors were missing for that reason.
 *
 * <pre>{@code
 * PredictorExtractor x = new PredictorExtractor(ReadingTemplate.builtIn("pars-injection"));
 * PredictorExtractor.Extracted e = x.extract(doc, "P001/findings/R1.findings.json");
 * double bme = e.values()[0];   // bme_isthmic_any: 1, 0 or NaN
 * }</pre>
 */
public final class PredictorExtractor {
    public static final String DEFAULT_LEVEL = "L5";
    /** Findings that mark a level as injected; the injectate ones come with pars-injection 1.1.0 (a drug recorded without a needle tip still says where). */
    private static final Set<String> INJECTION = Set.of("needle_tip", "contrast_compartments", "contrast_volume_ml",
            "injectate_anaesthetic", "injectate_steroid", "injectate_volume_ml");

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
     * @param notAssessable  per {@link #predictors()}: missing (NaN) and one of its findings at the
     *                       injected level(s) was recorded as not assessable
     */
    public record Extracted(List<String> injectedLevels, boolean levelAssumed, double[] values, boolean[] notAssessable) {
        public Extracted(List<String> injectedLevels, boolean levelAssumed, double[] values) {
            this(injectedLevels, levelAssumed, values, new boolean[values.length]);
        }
    }

    /** Rolls up one document; {@code source} (its file) is named in every error. */
    public Extracted extract(FindingsDocument doc, String source) {
        Doc d = new Doc(doc, source);
        double[] v = new double[predictors.size()];
        boolean[] na = new boolean[v.length];
        // each predictor with the findings it is made of: missing and one of them not assessable is counted as such
        class Fill {
            int i;

            void put(double value, String... findings) {
                v[i] = value;
                na[i] = Double.isNaN(value) && d.notAssessable(findings);
                i++;
            }
        }
        Fill f = new Fill();
        f.put(d.any("bme_isthmic", x -> x > 0), "bme_isthmic");
        f.put(d.bilateral("bme_isthmic", x -> x > 0), "bme_isthmic");
        f.put(d.bmeRatioMax(), "bme_roi_mean", "bme_ref_mean");
        f.put(d.max("hollenberg"), "hollenberg");
        f.put(d.any("hollenberg", x -> x == 3), "hollenberg");
        f.put(d.max("pars_defect"), "pars_defect");
        f.put(d.max("ct_stage"), "ct_stage");
        f.put(d.max("gap_width_mm"), "gap_width_mm");
        f.put(d.max("slip_pct"), "slip_pct");
        f.put(d.max("meyerding"), "meyerding");
        f.put(d.max("pfirrmann"), "pfirrmann");
        f.put(d.any("modic", x -> x > 0), "modic");
        f.put(d.max("facet_weishaupt"), "facet_weishaupt");
        f.put(d.max("foraminal_lee"), "foraminal_lee");
        int intra = finding("needle_tip").values().indexOf("intra-defect");
        f.put(d.any("needle_tip", x -> x == intra), "needle_tip");
        List<Set<String>> reached = d.compartments();
        for (String c : compartments) {
            f.put(reached.isEmpty() ? Double.NaN : reached.stream().anyMatch(s -> s.contains(c)) ? 1 : 0, "contrast_compartments");
        }
        f.put(d.contrastIntradefectBilateral(), "contrast_compartments");
        Set<String> union = new TreeSet<>();
        reached.forEach(union::addAll);
        f.put(reached.isEmpty() ? Double.NaN : union.size(), "contrast_compartments");
        f.put(d.totalVolume(), "contrast_volume_ml");
        if (f.i != v.length) throw new IllegalStateException("extractor fills " + f.i + " of " + v.length + " predictors");
        return new Extracted(d.levels, d.assumed, v, na);
    }

    private FindingType finding(String id) {
        return DataDictionary.finding(template, id);
    }

    /** One document indexed by finding, level and side (side null for segment findings). */
    private final class Doc {
        final String source;
        final Map<String, Map<String, Map<Side, Value>>> at = new HashMap<>();
        /** Places recorded as not assessable: finding, level, sides (kept out of {@link #at}, so they are missing). */
        final Map<String, Map<String, Set<Side>>> notAssessable = new HashMap<>();
        final List<String> levels;
        final boolean assumed;

        Doc(FindingsDocument doc, String source) {
            this.source = source;
            for (FindingValue fv : doc.values()) {
                if (fv.value() == null) continue;
                if (fv.value() instanceof Value.NotAssessable) {
                    notAssessable.computeIfAbsent(fv.finding(), k -> new HashMap<>()).computeIfAbsent(fv.level(), k -> new java.util.HashSet<>())
                            .add(fv.side());
                    continue;
                }
                at.computeIfAbsent(fv.finding(), k -> new HashMap<>()).computeIfAbsent(fv.level(), k -> new HashMap<>()).put(fv.side(), fv.value());
            }
            for (Measurement m : doc.measurements()) {
                // the reader's "not assessable" stands over a measurement made there
                if (notAssessable.getOrDefault(m.finding(), Map.of()).getOrDefault(m.level(), Set.of()).contains(m.side())) continue;
                at.computeIfAbsent(m.finding(), k -> new HashMap<>()).computeIfAbsent(m.level(), k -> new HashMap<>())
                        .putIfAbsent(m.side(), new Value.Number(m.value()));
            }
            Set<String> injected = new LinkedHashSet<>();
            for (String lv : template.allLevels()) {
                // an injection finding not assessable (say the tip out of the field of view) still says where the injection was
                for (String f : INJECTION) {
                    if (at.getOrDefault(f, Map.of()).containsKey(lv) || notAssessable.getOrDefault(f, Map.of()).containsKey(lv)) injected.add(lv);
                }
            }
            assumed = injected.isEmpty();
            levels = assumed ? List.of(DEFAULT_LEVEL) : List.copyOf(injected);
        }

        /** True if any of {@code findings} is not assessable at any rolled-up level. */
        boolean notAssessable(String... findings) {
            for (String f : findings) {
                Map<String, Set<Side>> byLevel = notAssessable.getOrDefault(f, Map.of());
                for (String lv : levels) if (byLevel.containsKey(lv)) return true;
            }
            return false;
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
