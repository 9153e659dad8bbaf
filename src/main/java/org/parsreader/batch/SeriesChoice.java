package org.parsreader.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;

/**
 * Which CT is the post-contrast scan and which its pre-contrast baseline, without asking:
 *
 * <ol>
 *   <li><b>post-contrast</b>: among CT stacks (no localizers), those whose SeriesDescription
 *       says post/contrast/arthro/injection and not pre/native/plain/non-contrast; of those (or,
 *       when none says so, of all CT stacks) the last acquired (AcquisitionTime, then SeriesNumber):
 *       contrast is injected last in a pars procedure;</li>
 *   <li><b>baseline</b>, only in the post scan's frame of reference (so it is the same table
 *       position): the series the reader marked the needle tip on; else one whose description
 *       says needle/check/pre/native/plain, acquired before the post scan; else the last CT
 *       acquired before it (normally the needle check). None: threshold mode, with its warning.</li>
 * </ol>
 *
 * @param how what was chosen and why, for the manifest
 */
public record SeriesChoice(ImageStack post, ImageStack baseline, String how) {
    static final Pattern POST = Pattern.compile("(?i)post|contrast|kontrast|arthro|inject|\\bc\\+");
    static final Pattern NOT_POST = Pattern.compile("(?i)\\bpre|native|nativ\\b|plain|non.?contrast|without|w/o|needle|check");
    static final Pattern BASELINE = Pattern.compile("(?i)needle|check|\\bpre|native|plain|non.?contrast");

    /** @param tipSeriesUid the series a needle tip was marked on, or null */
    public static SeriesChoice choose(StudyIndex index, String tipSeriesUid) {
        List<ImageStack> cts = index.stacks().stream().filter(s -> "CT".equals(s.modality()) && !s.localizer()).toList();
        if (cts.isEmpty()) throw new IllegalArgumentException("no CT stack (of " + index.stacks().size() + " stacks) to quantify contrast on");
        List<ImageStack> said = cts.stream().filter(s -> says(POST, s) && !says(NOT_POST, s)).toList();
        ImageStack post = (said.isEmpty() ? cts : said).stream().max(ACQUIRED).orElseThrow();
        String postWhy = said.isEmpty() ? "last acquired CT (no description says post-contrast)" : "description says post-contrast"
                + (said.size() > 1 ? ", last acquired of " + said.size() : "");
        List<ImageStack> same = cts.stream().filter(s -> s != post && Objects.equals(frame(s), frame(post))).toList();
        Optional<ImageStack> tip = tipSeriesUid == null ? Optional.empty()
                : same.stream().filter(s -> tipSeriesUid.equals(s.series().uid())).findFirst();
        List<ImageStack> before = same.stream().filter(s -> ACQUIRED.compare(s, post) < 0).toList();
        ImageStack base;
        String baseWhy;
        if (tip.isPresent()) {
            base = tip.get();
            baseWhy = "the series the needle tip was marked on";
        } else if (before.stream().anyMatch(s -> says(BASELINE, s))) {
            base = before.stream().filter(s -> says(BASELINE, s)).max(ACQUIRED).orElseThrow();
            baseWhy = "description says needle check / pre-contrast";
        } else {
            base = before.stream().max(ACQUIRED).orElse(null);
            baseWhy = base == null ? "no earlier CT in the same frame of reference" : "last CT acquired before it in the same frame of reference";
        }
        String how = "post-contrast " + label(post) + ": " + postWhy + "; baseline " + (base == null ? "none" : label(base)) + ": " + baseWhy;
        return new SeriesChoice(post, base, how);
    }

    static final Comparator<ImageStack> ACQUIRED = Comparator.comparing((ImageStack s) -> time(s)).thenComparingInt(s -> s.series().number());

    private static String time(ImageStack s) {
        String t = s.first().acquisitionTime();
        return t == null ? "" : t.trim();
    }

    private static boolean says(Pattern p, ImageStack s) {
        String d = s.series().description();
        return d != null && p.matcher(d).find();
    }

    private static String frame(ImageStack s) {
        String f = s.series().frameOfReferenceUid();
        return f == null ? "" : f;
    }

    static String label(ImageStack s) {
        return "#" + s.series().number() + " '" + (s.series().description() == null ? "" : s.series().description()) + "'";
    }
}
