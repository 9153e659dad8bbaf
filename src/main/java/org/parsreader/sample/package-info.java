/**
 * A deterministic generator of one synthetic, anonymous CT-guided pars injection case (MR
 * sagittal T1/T2/STIR, CT planning, tilted needle check, post contrast) with its ground truth.
 *
 * <pre>{@code
 * GroundTruth truth = SampleCaseGenerator.generate(Path.of("sample-data/case-001"));
 * truth.contrast().volumeAnalyticMl();   // also written as ground-truth.json
 * }</pre>
 *
 * <p>{@link org.parsreader.sample.SpinePhantom} is the analytic anatomy,
 * {@code CaseLayout} the fixed study/series plan, {@code CtSeriesWriter} and
 * {@code MrSeriesWriter} the image writers (PixelMed), {@link org.parsreader.sample.GroundTruth}
 * the record of where every finding truly is.
 */
package org.parsreader.sample;
