package org.parsreader.batch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a batch does to each case, in this order. Scoring is not a step: it runs once over the cohort. */
public enum Step {
    /** A summary of the study index (patients, studies, stacks, skipped files). */
    INDEX,
    /** Contrast segmentation from each reader's needle tip or stored seed, recorded in the reader's findings. */
    CONTRAST,
    /** BME ratios where a reader marked both the edema and the reference ROI. */
    BME,
    /** The case's findings as CSV. */
    CSV;

    /** Whether the step reads the case's DICOM images (index, contrast, bme); csv reads only the findings. */
    public boolean needsImages() {
        return this != CSV;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "index,contrast,csv" in any order and case; the result keeps the enum's order. */
    public static Set<Step> parse(String text) {
        EnumSet<Step> out = EnumSet.noneOf(Step.class);
        for (String part : text.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            try {
                out.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("step '" + part.trim() + "' is not one of " + labels(EnumSet.allOf(Step.class)));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no steps in '" + text + "'; choose from " + labels(EnumSet.allOf(Step.class)));
        return out;
    }

    public static List<String> labels(Set<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) out.add(s.label());
        return out;
    }
}
