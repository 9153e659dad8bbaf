package org.parsreader.dicom;

import java.util.Locale;

/**
 * Classifies an MR acquisition as T1, T2, PD, STIR, fat-saturated T2, FLAIR or other from the
 * sequence tags first (ScanningSequence, ScanOptions, TR, TE, TI, enhanced MR modifiers) and
 * from the series description only when the tags do not decide. Thresholds are the usual
 * 1.5-3 T conventions: T1 TR < 1000 ms and TE < 35 ms; T2 TR >= 1500 and TE >= 60; STIR an
 * inversion recovery with TI 80-300 ms; FLAIR TI >= 1500 ms.
 */
public final class SequenceClassifier {
    /** The class and what decided it ("tags: IR, TI 150 ms" or "description: 'STIR SAG'"). */
    public record Result(SequenceClass sequenceClass, String basis) {}

    private SequenceClassifier() {}

    public static Result classify(InstanceHeader h) {
        if (!"MR".equals(h.modality())) return new Result(SequenceClass.NOT_MR, "modality " + h.modality());
        Result byTags = fromTags(h.acquisition());
        if (byTags != null) return byTags;
        Result byText = fromDescription(h.series().description() + " " + h.series().protocolName()
                + " " + h.acquisition().sequenceName());
        return byText != null ? byText : new Result(SequenceClass.OTHER, "no decisive tags or description");
    }

    static Result fromTags(InstanceHeader.Acquisition a) {
        String seq = a.scanningSequence().toUpperCase(Locale.ROOT);
        boolean ir = seq.contains("IR") || a.inversionRecoveryFlag();
        double tr = a.repetitionTime();
        double te = a.echoTime();
        double ti = a.inversionTime();
        boolean fatSat = hasFatSat(a);
        if (ir && !Double.isNaN(ti)) {
            if (ti >= 80 && ti <= 300) return new Result(SequenceClass.STIR, String.format("tags: inversion recovery, TI %.0f ms", ti));
            if (ti >= 1500) return new Result(SequenceClass.FLAIR, String.format("tags: inversion recovery, TI %.0f ms", ti));
            if (!Double.isNaN(te) && te < 35) return new Result(SequenceClass.T1, String.format("tags: inversion recovery, TI %.0f ms, TE %.0f ms", ti, te));
        }
        if (Double.isNaN(tr) || Double.isNaN(te)) return null;
        String trte = String.format("TR %.0f ms, TE %.0f ms", tr, te);
        if (tr < 1000 && te < 35) return new Result(SequenceClass.T1, "tags: " + trte);
        if (tr >= 1500 && te >= 60) {
            return fatSat ? new Result(SequenceClass.T2_FS, "tags: " + trte + ", fat suppression")
                    : new Result(SequenceClass.T2, "tags: " + trte);
        }
        if (tr >= 1500 && te < 40) return new Result(SequenceClass.PD, "tags: " + trte + (fatSat ? ", fat suppression" : ""));
        return null;
    }

    private static boolean hasFatSat(InstanceHeader.Acquisition a) {
        String opts = "\\" + a.scanOptions().toUpperCase(Locale.ROOT) + "\\";
        String sup = a.spectralSuppression().toUpperCase(Locale.ROOT);
        return opts.contains("\\FS\\") || opts.contains("\\SFS\\") || opts.contains("FAT") || sup.contains("FAT");
    }

    static Result fromDescription(String text) {
        String t = " " + text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ") + " ";
        String basis = "description: '" + text.trim().replaceAll("\\s+", " ") + "'";
        if (t.contains(" STIR ") || t.contains(" TIRM ")) return new Result(SequenceClass.STIR, basis);
        if (t.contains(" FLAIR ")) return new Result(SequenceClass.FLAIR, basis);
        boolean fs = t.contains(" FS ") || t.contains(" FATSAT ") || t.contains(" FAT SAT ") || t.contains(" SPAIR ")
                || t.contains(" SPIR ") || t.contains(" DIXON W ") || t.contains(" FS") && t.contains("T2");
        if (t.contains(" T2")) return new Result(fs ? SequenceClass.T2_FS : SequenceClass.T2, basis);
        if (t.contains(" T1")) return new Result(SequenceClass.T1, basis);
        if (t.contains(" PD ")) return new Result(SequenceClass.PD, basis);
        return null;
    }
}
