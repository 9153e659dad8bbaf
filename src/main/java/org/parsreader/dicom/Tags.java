package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeTag;

/**
 * The DICOM attributes Pars Reader reads, by keyword, as (group &lt;&lt; 16 | element) like
 * dcm4che's {@code Tag}. Plain ints so that the fast header path never loads PixelMed's
 * dictionary (about 150 ms on first use here); {@code TagsTest} checks every constant
 * against that dictionary by its name.
 */
public final class Tags {
    static {
        PixelMedLogging.quiet();
    }

    public static final int TransferSyntaxUID = 0x00020010;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int PatientID = 0x00100020;
    public static final int PatientName = 0x00100010;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;
    public static final int PatientAge = 0x00101010;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int StudyDate = 0x00080020;
    public static final int StudyTime = 0x00080030;
    public static final int StudyDescription = 0x00081030;
    public static final int AccessionNumber = 0x00080050;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int SeriesNumber = 0x00200011;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ProtocolName = 0x00181030;
    public static final int Modality = 0x00080060;
    public static final int BodyPartExamined = 0x00180015;
    public static final int PatientPosition = 0x00185100;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int InstanceNumber = 0x00200013;
    public static final int AcquisitionNumber = 0x00200012;
    public static final int AcquisitionTime = 0x00080032;
    public static final int ImageType = 0x00080008;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int PixelSpacing = 0x00280030;
    public static final int SliceThickness = 0x00180050;
    public static final int SpacingBetweenSlices = 0x00180088;
    public static final int RescaleSlope = 0x00281053;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleType = 0x00281054;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int PixelRepresentation = 0x00280103;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int PlanarConfiguration = 0x00280006;
    public static final int NumberOfFrames = 0x00280008;
    public static final int PixelData = 0x7FE00010;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int GridFrameOffsetVector = 0x3004000C;
    public static final int DoseGridScaling = 0x3004000E;
    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    public static final int PlanePositionSequence = 0x00209113;
    public static final int PlaneOrientationSequence = 0x00209116;
    public static final int PixelMeasuresSequence = 0x00289110;
    public static final int PixelValueTransformationSequence = 0x00289145;
    public static final int MRTimingAndRelatedParametersSequence = 0x00189112;
    public static final int MREchoSequence = 0x00189114;
    public static final int EffectiveEchoTime = 0x00189082;
    public static final int MRModifierSequence = 0x00189115;
    public static final int InversionRecovery = 0x00189009;
    public static final int InversionTimes = 0x00189079;
    public static final int EchoPulseSequence = 0x00189008;
    public static final int SpectrallySelectedSuppression = 0x00189025;
    public static final int CTExposureSequence = 0x00189321;
    public static final int ScanningSequence = 0x00180020;
    public static final int SequenceVariant = 0x00180021;
    public static final int ScanOptions = 0x00180022;
    public static final int SequenceName = 0x00180024;
    public static final int RepetitionTime = 0x00180080;
    public static final int EchoTime = 0x00180081;
    public static final int InversionTime = 0x00180082;
    public static final int MagneticFieldStrength = 0x00180087;
    public static final int KVP = 0x00180060;
    public static final int XRayTubeCurrent = 0x00181151;
    public static final int ExposureTime = 0x00181150;
    public static final int CTDIvol = 0x00189345;
    public static final int GantryDetectorTilt = 0x00181120;
    public static final int ConvolutionKernel = 0x00181210;
    public static final int DirectoryRecordSequence = 0x00041220;
    public static final int DirectoryRecordType = 0x00041430;
    public static final int ReferencedFileID = 0x00041500;
    public static final int OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0x00041200;
    public static final int OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0x00041202;
    public static final int OffsetOfTheNextDirectoryRecord = 0x00041400;
    public static final int RecordInUseFlag = 0x00041410;
    public static final int OffsetOfReferencedLowerLevelDirectoryEntity = 0x00041420;
    public static final int ContentSequence = 0x0040A730;
    public static final int ConceptNameCodeSequence = 0x0040A043;
    public static final int CodeValue = 0x00080100;
    public static final int MeasuredValueSequence = 0x0040A300;
    public static final int NumericValue = 0x0040A30A;
    public static final int TextValue = 0x0040A160;
    public static final int ValueType = 0x0040A040;

    private Tags() {}

    /** The PixelMed tag for {@code tag}. */
    public static AttributeTag at(int tag) {
        return new AttributeTag(tag >>> 16, tag & 0xFFFF);
    }

    /** "(GGGG,EEEE)". */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
