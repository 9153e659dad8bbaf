package org.parsreader.dicom;


/** MR and CT acquisition parameters, from the classic attributes or the enhanced functional groups. */
final class AcquisitionReader {
    private AcquisitionReader() {}

    static InstanceHeader.Acquisition read(Header list) {
        Header shared = list.item(Tags.SharedFunctionalGroupsSequence);
        Header firstFrame = list.item(Tags.PerFrameFunctionalGroupsSequence);
        Header timing = Header.functionalGroup(firstFrame, shared, Tags.MRTimingAndRelatedParametersSequence);
        Header echo = Header.functionalGroup(firstFrame, shared, Tags.MREchoSequence);
        Header modifier = Header.functionalGroup(firstFrame, shared, Tags.MRModifierSequence);
        Header ctExposure = Header.functionalGroup(firstFrame, shared, Tags.CTExposureSequence);

        String scanning = list.multi(Tags.ScanningSequence);
        String echoPulse = list.str(Tags.EchoPulseSequence);
        if (scanning.isEmpty() && !echoPulse.isEmpty()) {
            scanning = switch (echoPulse) {
                case "SPIN" -> "SE";
                case "GRADIENT" -> "GR";
                default -> echoPulse;
            };
        }
        double tr = list.dbl(Tags.RepetitionTime, Header.dbl(timing, Tags.RepetitionTime, Double.NaN));
        double te = list.dbl(Tags.EchoTime, Header.dbl(echo, Tags.EffectiveEchoTime, Double.NaN));
        double ti = list.dbl(Tags.InversionTime, Double.NaN);
        if (Double.isNaN(ti)) {
            double[] tis = Header.doubles(modifier, Tags.InversionTimes);
            if (tis == null) tis = list.doubles(Tags.InversionTimes);
            if (tis != null && tis.length > 0) ti = tis[0];
        }
        boolean irFlag = "YES".equals(Header.str(modifier, Tags.InversionRecovery));
        String suppression = list.multi(Tags.SpectrallySelectedSuppression);
        if (suppression.isEmpty()) suppression = modifier == null ? "" : modifier.multi(Tags.SpectrallySelectedSuppression);
        return new InstanceHeader.Acquisition(scanning, list.multi(Tags.SequenceVariant),
                list.multi(Tags.ScanOptions), list.str(Tags.SequenceName), tr, te, ti,
                list.dbl(Tags.MagneticFieldStrength, Double.NaN), irFlag, suppression,
                list.dbl(Tags.KVP, Double.NaN), list.dbl(Tags.XRayTubeCurrent, Double.NaN),
                list.dbl(Tags.CTDIvol, Header.dbl(ctExposure, Tags.CTDIvol, Double.NaN)),
                list.dbl(Tags.GantryDetectorTilt, Double.NaN), list.multi(Tags.ConvolutionKernel),
                list.dbl(Tags.SpacingBetweenSlices, Double.NaN));
    }
}
