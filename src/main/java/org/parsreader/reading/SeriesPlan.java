package org.parsreader.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parsreader.batch.SeriesChoice;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.Orientation;
import org.parsreader.dicom.SequenceClass;
import org.parsreader.dicom.StudyIndex;

/**
 * The series a reader is shown first, chosen from the study index without asking: the
 * sagittal T2 and the sagittal edema series (STIR or fat-saturated T2) of the MRI, and the
 * post-contrast CT with its pre-contrast baseline (the needle check, by {@link SeriesChoice}'s
 * rules). Any of them may be missing; the reader can change every choice.
 *
 * @param how one line per choice saying why, for the panel's tooltip and the log
 */
public record SeriesPlan(ImageStack t2, ImageStack edema, ImageStack ct, ImageStack ctBaseline, List<String> how) {

    /** The four places of a plan, with the macro key that overrides each ({@code t2= edema= ct= baseline=}). */
    public enum Role {
        T2("t2"), EDEMA("edema"), CT("ct"), BASELINE("baseline");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** By macro key or name, case-insensitive; throws naming the keys. */
        public static Role parse(String s) {
            for (Role r : values()) if (r.key.equalsIgnoreCase(s.trim()) || r.name().equalsIgnoreCase(s.trim())) return r;
            throw new IllegalArgumentException("'" + s + "' is not a series role; roles: t2, edema, ct, baseline");
        }
    }

    public SeriesPlan {
        how = List.copyOf(how);
    }

    /** The stack chosen for {@code role}, or null. */
    public ImageStack get(Role role) {
        return switch (role) {
            case T2 -> t2;
            case EDEMA -> edema;
            case CT -> ct;
            case BASELINE -> ctBaseline;
        };
    }

    /** The plan with {@code stack} (null: none) for {@code role}, and a line saying the reader chose it. */
    public SeriesPlan with(Role role, ImageStack stack) {
        List<String> h = new ArrayList<>();
        String prefix = role.key() + ": ";
        for (String line : how) if (!line.toLowerCase(Locale.ROOT).startsWith(prefix)) h.add(line);
        h.add(prefix + (stack == null ? "none (chosen by the reader)" : label(stack) + " (chosen by the reader)"));
        return new SeriesPlan(role == Role.T2 ? stack : t2, role == Role.EDEMA ? stack : edema, role == Role.CT ? stack : ct,
                role == Role.BASELINE ? stack : ctBaseline, h);
    }

    /**
     * The plan with the reader's choices: role key ({@code t2}, {@code edema}, {@code ct},
     * {@code baseline}) to a series as {@link #find} takes it, or {@code none}; empty values are ignored.
     */
    public SeriesPlan withOverrides(StudyIndex index, Map<String, String> overrides) {
        SeriesPlan p = this;
        if (overrides == null) return p;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Role r = Role.parse(e.getKey());
            String v = e.getValue().trim();
            p = p.with(r, v.equalsIgnoreCase("none") ? null : find(index, v));
        }
        return p;
    }

    /**
     * A stack of the index as Open Study names it: a row of the series table ({@code #3}), a
     * SeriesNumber (when one series has it), a SeriesInstanceUID or a stack id; throws naming the choices.
     */
    public static ImageStack find(StudyIndex index, String key) {
        List<ImageStack> stacks = index.stacks();
        String k = key == null ? "" : key.trim();
        if (k.startsWith("#")) {
            String digits = k.substring(1).split("\\D", 2)[0];
            int row = digits.isEmpty() ? -1 : Integer.parseInt(digits);
            if (row < 1 || row > stacks.size()) {
                throw new IllegalArgumentException("series '" + key + "' is not a row of the series table (#1..#" + stacks.size() + ")");
            }
            return stacks.get(row - 1);
        }
        return index.findStack(k).orElseThrow(() -> new IllegalArgumentException("no series '" + key + "' in " + index.root()
                + "; use a row (#1..#" + stacks.size() + "), a SeriesNumber held by one series, or a SeriesInstanceUID"));
    }

    /** The row (1-based) of {@code stack} in the series table, as Open Study numbers it. */
    public static int row(StudyIndex index, ImageStack stack) {
        return index.stacks().indexOf(stack) + 1;
    }

    /** The chosen stacks, in the order they are shown: T2, edema, CT, baseline (missing ones left out). */
    public List<ImageStack> shown() {
        List<ImageStack> out = new ArrayList<>();
        for (ImageStack s : new ImageStack[] {t2, edema, ct, ctBaseline}) if (s != null && !out.contains(s)) out.add(s);
        return out;
    }

    public static SeriesPlan choose(StudyIndex index) {
        List<String> how = new ArrayList<>();
        List<ImageStack> mr = index.stacks().stream().filter(s -> "MR".equals(s.modality()) && !s.localizer()).toList();
        ImageStack t2 = pick(mr, SequenceClass.T2).orElse(null);
        how.add(t2 == null ? "T2: none (no T2 MR stack)" : "T2: " + label(t2) + ", " + why(t2));
        ImageStack edema = mr.stream().filter(s -> s.sequence().sequenceClass().showsEdema())
                .max(PREFERENCE).orElse(null);
        how.add(edema == null ? "edema: none (no STIR or fat-saturated T2 stack)" : "edema: " + label(edema) + ", " + why(edema));
        ImageStack ct = null;
        ImageStack base = null;
        if (index.stacks().stream().anyMatch(s -> "CT".equals(s.modality()) && !s.localizer())) {
            SeriesChoice c = SeriesChoice.choose(index, null);
            ct = c.post();
            base = c.baseline();
            how.add("CT: " + c.how());
        } else {
            how.add("CT: none (no CT stack)");
        }
        return new SeriesPlan(t2, edema, ct, base, List.copyOf(how));
    }

    /** Sagittal first (levels and the pars are read on sagittal MRI), then the most slices. */
    private static final Comparator<ImageStack> PREFERENCE = Comparator
            .comparing((ImageStack s) -> s.orientation() == Orientation.SAGITTAL)
            .thenComparingInt(ImageStack::size);

    private static Optional<ImageStack> pick(List<ImageStack> stacks, SequenceClass c) {
        return stacks.stream().filter(s -> s.sequence().sequenceClass() == c).max(PREFERENCE);
    }

    private static String why(ImageStack s) {
        return s.orientation().label() + ", " + s.sequence().sequenceClass().label() + " by " + s.sequence().basis();
    }

    static String label(ImageStack s) {
        return "#" + s.series().number() + " '" + (s.series().description() == null ? "" : s.series().description()) + "'";
    }
}
