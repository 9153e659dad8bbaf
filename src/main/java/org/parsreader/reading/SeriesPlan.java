package org.parsreader.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
