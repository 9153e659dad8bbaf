package org.parsreader.scoring.analysis;

import org.parsreader.scoring.stats.IccForm;

/**
 * How agreement is computed: the ICC form for numbers, and the bootstrap by patient (number
 * of resamples, 0 for none, and its seed).
 *
 * <pre>{@code
 * AgreementOptions o = new AgreementOptions(IccForm.ICC3_1, 2000, 1L);
 * }</pre>
 */
public record AgreementOptions(IccForm icc, int bootstrap, long seed) {
    public static final int DEFAULT_BOOTSTRAP = 2000;
    public static final long DEFAULT_SEED = 1L;
    public static final AgreementOptions DEFAULT = new AgreementOptions(IccForm.ICC2_1, DEFAULT_BOOTSTRAP, DEFAULT_SEED);

    public AgreementOptions {
        if (icc == null) throw new IllegalArgumentException("no ICC form given (2,1, 3,1 or 2,k)");
        if (bootstrap < 0) throw new IllegalArgumentException("--bootstrap must be 0 (no bootstrap) or a number of resamples, got " + bootstrap);
    }
}
