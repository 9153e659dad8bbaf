package org.parsreader.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.ReadingTemplate.Scope;
import org.parsreader.findings.ReadingTemplate.ValueType;

/**
 * One ROI tool of the reading panel, derived from the reading template (nothing is listed by
 * hand): every finding type with a {@code roi} kind gets a tool of that kind (line for
 * {@code gap_width_mm} and {@code slip_pct}, polygon for {@code bme_roi_mean} and
 * {@code bme_ref_mean}, and for a {@code mask3d} finding such as {@code contrast_volume_ml} a
 * <em>seed point</em> tool that runs the 3D contrast quantification); and every value of a
 * compartment finding (see {@link #isCompartmentFinding}) gets a labelled-polygon tool whose
 * ROI carries the compartment as its label.
 *
 * <p>Headless: colours are RGB ints ({@code 0xRRGGBB}) from a fixed palette readable on grey
 * MRI and CT, assigned in template order, so the same template always gives the same colours.
 *
 * @param id        stable id for macros ({@code tool=}): the finding id, or
 *                  {@code <finding>:<compartment>} for a compartment polygon
 * @param label     what the panel shows ("Gap width (line)")
 * @param kind      what the reader draws: {@link Kind#LINE}, {@link Kind#POLYGON}, {@link Kind#POINT},
 *                  {@link Kind#SEED} (a point that starts the 3D quantification)
 * @param finding   the finding type the ROI belongs to
 * @param roiLabel  the ROI's label (the compartment), or null
 * @param roiType   the type the stored ROI gets (a seed tool stores a {@code mask3d})
 * @param series    the series the finding is read on ("CT", "MR-STIR" ...), from the template
 * @param rgb       the tool's colour, 0xRRGGBB
 * @param shortcut  a suggested keyboard shortcut (one character, unique within the template), or null
 */
public record RoiTool(String id, String label, Kind kind, String finding, String roiLabel, RoiType roiType, String series,
                      int rgb, String shortcut) {

    /** What the reader draws with the tool. */
    public enum Kind {
        POINT, LINE, POLYGON,
        /** a point that seeds the 3D quantification; the result is stored as a mask3d ROI */
        SEED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The palette, chosen to read on grey images and to differ from each other: yellow, cyan,
     * magenta, orange, green, red, blue, purple, lime, pink, teal, gold, then lighter variants.
     */
    static final int[] PALETTE = {
        0xFFD700, 0x00E5FF, 0xFF40FF, 0xFF8C00, 0x32CD32, 0xFF3030, 0x4080FF, 0xA060FF,
        0xB0FF30, 0xFF80C0, 0x20B2AA, 0xDAA520, 0xFFFF80, 0x80FFFF, 0xFFA0FF, 0xFFC080,
        0x90EE90, 0xFF9090, 0x90B0FF, 0xC8A0FF,
    };

    /** Shortcut candidates after the label's own letters: digits, then the rest of the alphabet. */
    private static final String FALLBACK_KEYS = "1234567890abcdefghijklmnopqrstuvwxyz";

    /** The colour as "#RRGGBB". */
    public String hex() {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** Whether this tool's ROIs are the kind {@code type}. */
    public boolean stores(RoiType type) {
        return roiType == type;
    }

    /**
     * A finding whose values are compartments a reader outlines: a {@code choices} finding of an
     * injection without a ROI kind of its own (in {@code pars-injection}: {@code contrast_compartments}).
     */
    public static boolean isCompartmentFinding(FindingType f) {
        return f.type() == ValueType.CHOICES && f.scope() == Scope.INJECTION && f.roi() == null
                && f.values() != null && !f.values().isEmpty();
    }

    /** The tools of {@code template}, in template order (compartment tools after the finding's other tools). */
    public static List<RoiTool> of(ReadingTemplate template) {
        List<Spec> specs = new ArrayList<>();
        for (FindingType f : template.findings()) {
            if (f.roi() != null) {
                RoiType type = roiType(f);
                Kind kind = switch (type) {
                    case POINT -> Kind.POINT;
                    case LINE -> Kind.LINE;
                    case POLYGON -> Kind.POLYGON;
                    case MASK3D -> Kind.SEED;
                };
                String label = name(f) + " (" + (kind == Kind.SEED ? "seed, 3D" : kind.label()) + ")";
                specs.add(new Spec(f.id(), label, kind, f.id(), null, type, f.series()));
            } else if (isCompartmentFinding(f)) {
                for (String c : f.values()) {
                    specs.add(new Spec(f.id() + ":" + c, humanize(c) + " (compartment polygon)", Kind.POLYGON, f.id(), c,
                            RoiType.POLYGON, f.series()));
                }
            }
        }
        Set<String> used = new LinkedHashSet<>();
        List<RoiTool> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            out.add(new RoiTool(s.id, s.label, s.kind, s.finding, s.roiLabel, s.type, s.series, PALETTE[i % PALETTE.length],
                    shortcut(s, used)));
        }
        return List.copyOf(out);
    }

    /** The tool with {@code id} ({@code gap_width_mm}, {@code contrast_compartments:pars_defect}); case-insensitive. */
    public static Optional<RoiTool> find(ReadingTemplate template, String id) {
        if (id == null) return Optional.empty();
        String want = id.trim();
        for (RoiTool t : of(template)) if (t.id.equalsIgnoreCase(want)) return Optional.of(t);
        return Optional.empty();
    }

    /** Like {@link #find}, but throws naming the tools there are. */
    public static RoiTool require(ReadingTemplate template, String id) {
        return find(template, id).orElseThrow(() -> new IllegalArgumentException("no ROI tool '" + id + "' in template "
                + template.id() + "; tools: " + String.join(", ", of(template).stream().map(RoiTool::id).toList())));
    }

    /** The tool that made a stored ROI of {@code finding} with {@code label} (null for none), if any. */
    public static Optional<RoiTool> forRoi(ReadingTemplate template, String finding, String label) {
        if (label != null) {
            Optional<RoiTool> compartment = find(template, finding + ":" + label);
            if (compartment.isPresent()) return compartment;
        }
        return find(template, finding);
    }

    private static RoiType roiType(FindingType f) {
        return switch (f.roi().trim().toLowerCase(Locale.ROOT)) {
            case "point" -> RoiType.POINT;
            case "line" -> RoiType.LINE;
            case "polygon" -> RoiType.POLYGON;
            case "mask3d" -> RoiType.MASK3D;
            default -> throw new IllegalArgumentException("finding " + f.id() + ": unknown roi kind '" + f.roi()
                    + "' (point, line, polygon, mask3d)");
        };
    }

    private static String name(FindingType f) {
        return f.label() != null && !f.label().isBlank() ? f.label() : humanize(f.id());
    }

    private static String humanize(String id) {
        String s = id.replace('_', ' ').trim();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The first letter of the label's words not yet taken, else the first free fallback key. */
    private static String shortcut(Spec s, Set<String> used) {
        StringBuilder candidates = new StringBuilder();
        String text = (s.roiLabel != null ? s.roiLabel : s.label).toLowerCase(Locale.ROOT);
        for (String word : text.split("[^a-z0-9]+")) if (!word.isEmpty()) candidates.append(word.charAt(0));
        for (char c : text.toCharArray()) if (Character.isLetterOrDigit(c)) candidates.append(c);
        candidates.append(FALLBACK_KEYS);
        for (char c : candidates.toString().toCharArray()) {
            String k = String.valueOf(c);
            if (used.add(k)) return k;
        }
        return null;
    }

    private record Spec(String id, String label, Kind kind, String finding, String roiLabel, RoiType type, String series) {}
}
