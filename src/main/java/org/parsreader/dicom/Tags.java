package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;

/**
 * The DICOM attributes Pars Reader reads, by keyword. PixelMed's {@code TagFromName} holds
 * only part of the dictionary in the Debian build, so tags are looked up in PixelMed's full
 * {@link DicomDictionary}; a misspelt keyword fails when this class loads, not silently.
 */
public final class Tags {
    static {
        PixelMedLogging.quiet();
    }

    private static final DicomDictionary DICT = AttributeList.getDictionary();

    public static final AttributeTag TransferSyntaxUID = t("TransferSyntaxUID");
    public static final AttributeTag MediaStorageSOPClassUID = t("MediaStorageSOPClassUID");
    public static final AttributeTag SOPClassUID = t("SOPClassUID");
    public static final AttributeTag SOPInstanceUID = t("SOPInstanceUID");
    public static final AttributeTag PatientID = t("PatientID");
    public static final AttributeTag PatientName = t("PatientName");
    public static final AttributeTag PatientBirthDate = t("PatientBirthDate");
    public static final AttributeTag PatientSex = t("PatientSex");
    public static final AttributeTag PatientAge = t("PatientAge");
    public static final AttributeTag StudyInstanceUID = t("StudyInstanceUID");
    public static final AttributeTag StudyDate = t("StudyDate");
    public static final AttributeTag StudyTime = t("StudyTime");
    public static final AttributeTag StudyDescription = t("StudyDescription");
    public static final AttributeTag AccessionNumber = t("AccessionNumber");
    public static final AttributeTag SeriesInstanceUID = t("SeriesInstanceUID");
    public static final AttributeTag SeriesNumber = t("SeriesNumber");
    public static final AttributeTag SeriesDescription = t("SeriesDescription");
    public static final AttributeTag ProtocolName = t("ProtocolName");
    public static final AttributeTag Modality = t("Modality");
    public static final AttributeTag BodyPartExamined = t("BodyPartExamined");
    public static final AttributeTag PatientPosition = t("PatientPosition");
    public static final AttributeTag FrameOfReferenceUID = t("FrameOfReferenceUID");
    public static final AttributeTag InstanceNumber = t("InstanceNumber");
    public static final AttributeTag AcquisitionNumber = t("AcquisitionNumber");
    public static final AttributeTag AcquisitionTime = t("AcquisitionTime");
    public static final AttributeTag ImageType = t("ImageType");
    public static final AttributeTag ImagePositionPatient = t("ImagePositionPatient");
    public static final AttributeTag ImageOrientationPatient = t("ImageOrientationPatient");
    public static final AttributeTag PixelSpacing = t("PixelSpacing");
    public static final AttributeTag SliceThickness = t("SliceThickness");
    public static final AttributeTag SpacingBetweenSlices = t("SpacingBetweenSlices");
    public static final AttributeTag RescaleSlope = t("RescaleSlope");
    public static final AttributeTag RescaleIntercept = t("RescaleIntercept");
    public static final AttributeTag RescaleType = t("RescaleType");
    public static final AttributeTag WindowCenter = t("WindowCenter");
    public static final AttributeTag WindowWidth = t("WindowWidth");
    public static final AttributeTag Rows = t("Rows");
    public static final AttributeTag Columns = t("Columns");
    public static final AttributeTag SamplesPerPixel = t("SamplesPerPixel");
    public static final AttributeTag BitsAllocated = t("BitsAllocated");
    public static final AttributeTag BitsStored = t("BitsStored");
    public static final AttributeTag PixelRepresentation = t("PixelRepresentation");
    public static final AttributeTag PhotometricInterpretation = t("PhotometricInterpretation");
    public static final AttributeTag PlanarConfiguration = t("PlanarConfiguration");
    public static final AttributeTag NumberOfFrames = t("NumberOfFrames");
    public static final AttributeTag PixelData = t("PixelData");
    public static final AttributeTag FloatPixelData = t("FloatPixelData");
    public static final AttributeTag GridFrameOffsetVector = t("GridFrameOffsetVector");
    public static final AttributeTag DoseGridScaling = t("DoseGridScaling");
    // enhanced multi-frame
    public static final AttributeTag SharedFunctionalGroupsSequence = t("SharedFunctionalGroupsSequence");
    public static final AttributeTag PerFrameFunctionalGroupsSequence = t("PerFrameFunctionalGroupsSequence");
    public static final AttributeTag PlanePositionSequence = t("PlanePositionSequence");
    public static final AttributeTag PlaneOrientationSequence = t("PlaneOrientationSequence");
    public static final AttributeTag PixelMeasuresSequence = t("PixelMeasuresSequence");
    public static final AttributeTag PixelValueTransformationSequence = t("PixelValueTransformationSequence");
    public static final AttributeTag MRTimingAndRelatedParametersSequence = t("MRTimingAndRelatedParametersSequence");
    public static final AttributeTag MREchoSequence = t("MREchoSequence");
    public static final AttributeTag EffectiveEchoTime = t("EffectiveEchoTime");
    public static final AttributeTag MRModifierSequence = t("MRModifierSequence");
    public static final AttributeTag InversionRecovery = t("InversionRecovery");
    public static final AttributeTag InversionTimes = t("InversionTimes");
    public static final AttributeTag EchoPulseSequence = t("EchoPulseSequence");
    public static final AttributeTag SpectrallySelectedSuppression = t("SpectrallySelectedSuppression");
    public static final AttributeTag CTExposureSequence = t("CTExposureSequence");
    // MR acquisition
    public static final AttributeTag ScanningSequence = t("ScanningSequence");
    public static final AttributeTag SequenceVariant = t("SequenceVariant");
    public static final AttributeTag ScanOptions = t("ScanOptions");
    public static final AttributeTag SequenceName = t("SequenceName");
    public static final AttributeTag RepetitionTime = t("RepetitionTime");
    public static final AttributeTag EchoTime = t("EchoTime");
    public static final AttributeTag InversionTime = t("InversionTime");
    public static final AttributeTag MagneticFieldStrength = t("MagneticFieldStrength");
    // CT acquisition and dose
    public static final AttributeTag KVP = t("KVP");
    public static final AttributeTag XRayTubeCurrent = t("XRayTubeCurrent");
    public static final AttributeTag ExposureTime = t("ExposureTime");
    public static final AttributeTag CTDIvol = t("CTDIvol");
    public static final AttributeTag GantryDetectorTilt = t("GantryDetectorTilt");
    public static final AttributeTag ConvolutionKernel = t("ConvolutionKernel");
    // DICOMDIR and structured reports
    public static final AttributeTag DirectoryRecordSequence = t("DirectoryRecordSequence");
    public static final AttributeTag DirectoryRecordType = t("DirectoryRecordType");
    public static final AttributeTag ReferencedFileID = t("ReferencedFileID");
    public static final AttributeTag ContentSequence = t("ContentSequence");
    public static final AttributeTag ConceptNameCodeSequence = t("ConceptNameCodeSequence");
    public static final AttributeTag CodeValue = t("CodeValue");
    public static final AttributeTag MeasuredValueSequence = t("MeasuredValueSequence");
    public static final AttributeTag NumericValue = t("NumericValue");
    public static final AttributeTag ValueType = t("ValueType");

    private Tags() {}

    private static AttributeTag t(String keyword) {
        AttributeTag tag = DICT.getTagFromName(keyword);
        if (tag == null) throw new IllegalStateException("PixelMed's dictionary has no attribute named " + keyword);
        return tag;
    }
}
