package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dose and duration of the CT-guided procedure of one case, from its images, with where each
 * number came from.
 *
 * <p><b>The procedure</b> is the CT study (StudyInstanceUID) of the case with the most CT series
 * (ties: the later study date); its CT image stacks, scouts included, are the procedure's
 * acquisitions. Other CT studies are named in the notes.
 *
 * <p><b>Dose.</b> From the study's CT radiation dose report (X-Ray Radiation Dose SR, TID 10011)
 * when there is one: DLP is its "CT Dose Length Product Total" (113813), else the sum of its
 * acquisitions' DLP; CTDIvol is the highest "Mean CTDIvol" (113830) of its acquisitions (the dose
 * index of the most exposing scan: CTDIvol does not add up over scans). Without a dose report,
 * from the image headers: CTDIvol (0018,9345) the highest of any image, DLP the sum over the
 * stacks of CTDIvol x scanned length ({@link ImageStack#dlpEstimate()}), an estimate that misses
 * overscan; stacks with the same frame of reference, CTDIvol and z range (two reconstructions of
 * one scan) count once. The source columns say which was used.
 *
 * <p><b>Duration</b> is from the first to the last acquisition time of the procedure's CT images,
 * in minutes: the span of the scans, not the time in the room before the first or after the last.
 * Per image the time is AcquisitionDateTime (0008,002A) when present, else AcquisitionDate
 * (0008,0022) + AcquisitionTime (0008,0032), else ContentDate (0008,0023) + ContentTime
 * (0008,0033); a time without a date takes the StudyDate. The time source column names the
 * attributes used (and how many images each).
 */
public record ProcedureDoseTime(String studyUid, int ctSeries, double ctdiVolMgy, String ctdiVolSource, double dlpMgyCm,
                                String dlpSource, double durationMin, String timeSource, String firstAcquisition,
                                String lastAcquisition, List<String> notes) {
    public static final String FROM_DOSE_REPORT = "dose report";
    public static final String FROM_HEADERS = "image headers";
    public static final String FROM_HEADERS_ESTIMATE = "image headers: CTDIvol x scanned length (estimate)";

    public ProcedureDoseTime {
        notes = List.copyOf(notes);
    }

    /** Nothing to report: the case has no CT images. */
    public static ProcedureDoseTime none(String why) {
        return new ProcedureDoseTime("", 0, Double.NaN, "", Double.NaN, "", Double.NaN, "", "", "", List.of(why));
    }

    public static ProcedureDoseTime of(StudyIndex index) {
        StudyIndex.StudyEntry procedure = null;
        int best = -1;
        List<String> notes = new ArrayList<>();
        List<StudyIndex.StudyEntry> ctStudies = new ArrayList<>();
        for (StudyIndex.PatientEntry p : index.patients()) {
            for (StudyIndex.StudyEntry s : p.studies()) {
                int ct = ctSeries(s);
                if (ct == 0) continue;
                ctStudies.add(s);
                if (ct > best || ct == best && s.info().date().compareTo(procedure.info().date()) > 0) {
                    best = ct;
                    procedure = s;
                }
            }
        }
        if (procedure == null) return none("no CT images");
        if (ctStudies.size() > 1) {
            notes.add(ctStudies.size() + " CT studies; the procedure is taken as study " + procedure.info().uid() + " of "
                    + procedure.info().date() + " (most CT series)");
        }
        List<ImageStack> stacks = new ArrayList<>();
        for (StudyIndex.SeriesEntry se : procedure.series()) {
            for (ImageStack st : se.stacks()) if ("CT".equals(st.modality())) stacks.add(st);
        }
        double ctdi = Double.NaN, dlp = Double.NaN;
        String ctdiSource = "", dlpSource = "";
        for (DoseReport r : procedure.doseReports()) {
            double total = r.totalDlp();
            double sum = 0, max = Double.NaN;
            boolean anyDlp = false;
            for (DoseReport.Acquisition a : r.acquisitions()) {
                if (!Double.isNaN(a.dlp())) { sum += a.dlp(); anyDlp = true; }
                if (!Double.isNaN(a.ctdiVol()) && !(a.ctdiVol() <= max)) max = a.ctdiVol();
            }
            double d = !Double.isNaN(total) ? total : anyDlp ? sum : Double.NaN;
            if (!Double.isNaN(d)) {
                if (!Double.isNaN(dlp)) notes.add("several dose reports; DLP from " + r.file().getFileName());
                dlp = d;
                dlpSource = FROM_DOSE_REPORT + (Double.isNaN(total) ? " (sum of acquisitions)" : " (DLP total)");
            }
            if (!Double.isNaN(max)) {
                ctdi = Double.isNaN(ctdi) ? max : Math.max(ctdi, max);
                ctdiSource = FROM_DOSE_REPORT + " (highest acquisition)";
            }
        }
        if (Double.isNaN(ctdi)) {
            for (ImageStack st : stacks) if (!Double.isNaN(st.ctdiVol()) && !(st.ctdiVol() <= ctdi)) ctdi = st.ctdiVol();
            if (!Double.isNaN(ctdi)) ctdiSource = FROM_HEADERS + " (highest image)";
        }
        if (Double.isNaN(dlp)) {
            Set<String> seen = new HashSet<>();
            double sum = 0;
            boolean any = false;
            for (ImageStack st : stacks) {
                if (Double.isNaN(st.dlpEstimate()) || st.localizer()) continue;
                if (!seen.add(reconstructionKey(st))) continue;
                sum += st.dlpEstimate();
                any = true;
            }
            if (any) {
                dlp = sum;
                dlpSource = FROM_HEADERS_ESTIMATE;
            }
        }
        Times t = times(stacks, procedure.info().date(), notes);
        return new ProcedureDoseTime(procedure.info().uid(), best, ctdi, ctdiSource, dlp, dlpSource, t.minutes, t.source,
                t.first, t.last, notes);
    }

    private static int ctSeries(StudyIndex.StudyEntry s) {
        int n = 0;
        for (StudyIndex.SeriesEntry se : s.series()) if (se.stacks().stream().anyMatch(st -> "CT".equals(st.modality()))) n++;
        return n;
    }

    private static String reconstructionKey(ImageStack st) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (StackFrame f : st.frames()) {
            if (Double.isNaN(f.position())) continue;
            lo = Math.min(lo, f.position());
            hi = Math.max(hi, f.position());
        }
        return st.series().frameOfReferenceUid() + "|" + st.ctdiVol() + "|" + Math.round(lo) + "|" + Math.round(hi);
    }

    private record Times(double minutes, String source, String first, String last) {}

    private static final AttributeTag ACQUISITION_DATE_TIME = TagFromName.AcquisitionDateTime;

    private static Times times(List<ImageStack> stacks, String studyDate, List<String> notes) {
        LocalDateTime first = null, last = null;
        Map<String, Integer> sources = new TreeMap<>();
        int unreadable = 0;
        Set<Path> files = new HashSet<>();
        for (ImageStack st : stacks) for (StackFrame f : st.frames()) files.add(f.instance().file());
        for (Path file : files) {
            Stamp s = stamp(file, studyDate);
            if (s == null) { unreadable++; continue; }
            sources.merge(s.source, 1, Integer::sum);
            if (first == null || s.time.isBefore(first)) first = s.time;
            if (last == null || s.time.isAfter(last)) last = s.time;
        }
        if (unreadable > 0) notes.add(unreadable + " CT image(s) without a usable acquisition or content time");
        if (first == null) return new Times(Double.NaN, "", "", "");
        Map<String, Integer> ordered = new LinkedHashMap<>(sources);
        StringBuilder src = new StringBuilder();
        for (Map.Entry<String, Integer> e : ordered.entrySet()) {
            src.append(src.length() == 0 ? "" : "; ").append(e.getKey()).append(" (").append(e.getValue()).append(" images)");
        }
        double minutes = Duration.between(first, last).toMillis() / 60000.0;
        return new Times(minutes, src.toString(), first.toString(), last.toString());
    }

    record Stamp(LocalDateTime time, String source) {}

    /** The image's acquisition time by the rule in the class comment, or null when it has none. */
    static Stamp stamp(Path file, String studyDate) {
        AttributeList l = new AttributeList();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            l.read(new com.pixelmed.dicom.DicomInputStream(in), TagFromName.PixelData);
        } catch (IOException | com.pixelmed.dicom.DicomException | RuntimeException e) {
            return null;
        }
        String dt = value(l, ACQUISITION_DATE_TIME);
        LocalDateTime t = dateTime(dt);
        if (t != null) return new Stamp(t, "AcquisitionDateTime");
        String[][] pairs = {{"AcquisitionDate", "AcquisitionTime"}, {"ContentDate", "ContentTime"}};
        AttributeTag[][] tags = {{TagFromName.AcquisitionDate, TagFromName.AcquisitionTime}, {TagFromName.ContentDate, TagFromName.ContentTime}};
        for (int i = 0; i < pairs.length; i++) {
            String time = value(l, tags[i][1]);
            if (time.isEmpty()) continue;
            String date = value(l, tags[i][0]);
            String source = pairs[i][0] + "+" + pairs[i][1];
            if (date.isEmpty()) { date = studyDate; source = "StudyDate+" + pairs[i][1]; }
            t = dateTime(date + time);
            if (t != null) return new Stamp(t, source);
        }
        return null;
    }

    private static String value(AttributeList l, AttributeTag tag) {
        return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, tag).trim();
    }

    /** DICOM DT "YYYYMMDDHHMMSS.FFFFFF" (offset ignored; seconds and fraction optional), or null. */
    static LocalDateTime dateTime(String dt) {
        if (dt == null) return null;
        String s = dt.trim();
        int plus = Math.max(s.indexOf('+'), s.indexOf('-'));
        if (plus > 0) s = s.substring(0, plus);
        if (s.length() < 12) return null;
        try {
            LocalDate d = LocalDate.parse(s.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            String tm = s.substring(8);
            int h = Integer.parseInt(tm.substring(0, 2));
            int m = Integer.parseInt(tm.substring(2, 4));
            double sec = tm.length() > 4 ? Double.parseDouble(tm.substring(4)) : 0;
            long nanos = Math.round(sec * 1e9);
            return LocalDateTime.of(d, LocalTime.of(h, m)).plusNanos(nanos);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The dose and time columns as one line of text (for the index summary). */
    public String summary() {
        return String.format(Locale.ROOT, "CTDIvol %s mGy (%s); DLP %s mGy*cm (%s); procedure %s min (%s)",
                num(ctdiVolMgy), ctdiVolSource, num(dlpMgyCm), dlpSource, num(durationMin), timeSource);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
