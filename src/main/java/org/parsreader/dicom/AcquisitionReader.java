package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;

/** MR and CT acquisition parameters, from the classic attributes or the enhanced functional groups. */
final class AcquisitionReader {
    private AcquisitionReader() {}

    static InstanceHeader.Acquisition read(AttributeList list) {
        AttributeList shared = Attrs.item(list, Tags.SharedFunctionalGroupsSequence);
        AttributeList firstFrame = Attrs.item(list, Tags.PerFrameFunctionalGroupsSequence);
        AttributeList timing = Attrs.functionalGroup(firstFrame, shared, Tags.MRTimingAndRelatedParametersSequence);
        AttributeList echo = Attrs.functionalGroup(firstFrame, shared, Tags.MREchoSequence);
        AttributeList modifier = Attrs.functionalGroup(firstFrame, shared, Tags.MRModifierSequence);
        AttributeList ctExposure = Attrs.functionalGroup(firstFrame, shared, Tags.CTExposureSequence);

        String scanning = Attrs.multi(list, Tags.ScanningSequence);
        String echoPulse = Attrs.str(list, Tags.EchoPulseSequence);
        if (scanning.isEmpty() && !echoPulse.isEmpty()) {
            scanning = switch (echoPulse) {
                case "SPIN" -> "SE";
                case "GRADIENT" -> "GR";
                default -> echoPulse;
            };
        }
        double tr = Attrs.dbl(list, Tags.RepetitionTime, Attrs.dbl(timing, Tags.RepetitionTime, Double.NaN));
        double te = Attrs.dbl(list, Tags.EchoTime, Attrs.dbl(echo, Tags.EffectiveEchoTime, Double.NaN));
        double ti = Attrs.dbl(list, Tags.InversionTime, Double.NaN);
        if (Double.isNaN(ti)) {
            double[] tis = Attrs.doubles(modifier, Tags.InversionTimes);
            if (tis == null) tis = Attrs.doubles(list, Tags.InversionTimes);
            if (tis != null && tis.length > 0) ti = tis[0];
        }
        boolean irFlag = "YES".equals(Attrs.str(modifier, Tags.InversionRecovery));
        String suppression = Attrs.multi(list, Tags.SpectrallySelectedSuppression);
        if (suppression.isEmpty()) suppression = Attrs.multi(modifier, Tags.SpectrallySelectedSuppression);
        return new InstanceHeader.Acquisition(scanning, Attrs.multi(list, Tags.SequenceVariant),
                Attrs.multi(list, Tags.ScanOptions), Attrs.str(list, Tags.SequenceName), tr, te, ti,
                Attrs.dbl(list, Tags.MagneticFieldStrength, Double.NaN), irFlag, suppression,
                Attrs.dbl(list, Tags.KVP, Double.NaN), Attrs.dbl(list, Tags.XRayTubeCurrent, Double.NaN),
                Attrs.dbl(list, Tags.CTDIvol, Attrs.dbl(ctExposure, Tags.CTDIvol, Double.NaN)),
                Attrs.dbl(list, Tags.GantryDetectorTilt, Double.NaN), Attrs.multi(list, Tags.ConvolutionKernel),
                Attrs.dbl(list, Tags.SpacingBetweenSlices, Double.NaN));
    }
}
