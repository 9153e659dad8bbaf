package org.parsreader.sample;

import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.sample.CaseLayout.SeriesPlan;

/**
 * Writes one series: the patient, study, series, frame-of-reference, equipment and image-plane
 * modules shared by CT and MR; subclasses add their acquisition attributes and pixels.
 */
abstract class SeriesWriter {
    protected final SeriesPlan plan;
    protected final String seriesUid;

    SeriesWriter(SeriesPlan plan) {
        this.plan = plan;
        this.seriesUid = CaseLayout.UIDS.uid("series/" + plan.key());
    }

    abstract String sopClassUid();

    /** Modality-specific attributes of geometric slice {@code index}. */
    abstract void addModalityAttributes(AttributeList list, int index);

    /** Stored pixel values of geometric slice {@code index}, row by row. */
    abstract short[] pixels(int index);

    /** Writes every slice; returns the files in geometric order. */
    List<GroundTruth.FileEntry> write(Path caseDir) throws IOException {
        List<GroundTruth.FileEntry> files = new ArrayList<>();
        for (int i = 0; i < plan.slices().size(); i++) {
            String sopUid = CaseLayout.UIDS.uid("series/" + plan.key() + "/instance/" + i);
            AttributeList list = header(i, sopUid);
            addModalityAttributes(list, i);
            Dicom.putPixels(list, pixels(i));
            String name = plan.folder() + "/" + UidFactory.shortHash(sopUid) + ".dcm";
            Dicom.write(list, caseDir.resolve(name));
            files.add(new GroundTruth.FileEntry(name, plan.instanceNumbers()[i], i, plan.slices().get(i).position().rounded()));
        }
        return files;
    }

    private AttributeList header(int index, String sopUid) {
        CaseLayout.Study study = plan.study();
        SliceGeometry g = plan.slices().get(index);
        AttributeList l = new AttributeList();
        Dicom.put(l, "SpecificCharacterSet", "ISO_IR 100");
        Dicom.put(l, "SOPClassUID", sopClassUid());
        Dicom.put(l, "SOPInstanceUID", sopUid);
        Dicom.put(l, "InstanceCreationDate", study.date());
        Dicom.put(l, "InstanceCreationTime", plan.acquisitionTime());
        Dicom.put(l, "StudyDate", study.date());
        Dicom.put(l, "SeriesDate", study.date());
        Dicom.put(l, "AcquisitionDate", study.date());
        Dicom.put(l, "ContentDate", study.date());
        Dicom.put(l, "StudyTime", study.time());
        Dicom.put(l, "SeriesTime", plan.acquisitionTime());
        Dicom.put(l, "AcquisitionTime", plan.acquisitionTime());
        Dicom.put(l, "ContentTime", plan.acquisitionTime());
        Dicom.put(l, "AccessionNumber", study.accession());
        Dicom.put(l, "Modality", plan.modality());
        Dicom.put(l, "Manufacturer", "Pars Reader synthetic");
        Dicom.put(l, "InstitutionName", "Pars Reader sample data");
        Dicom.put(l, "ReferringPhysicianName");
        Dicom.put(l, "StationName", plan.modality().equals("CT") ? "SYNTH-CT1" : "SYNTH-MR1");
        Dicom.put(l, "StudyDescription", study.description());
        Dicom.put(l, "SeriesDescription", plan.description());
        Dicom.put(l, "ManufacturerModelName", "Analytic spine phantom " + plan.modality());
        Dicom.put(l, "PatientName", CaseLayout.PATIENT_NAME);
        Dicom.put(l, "PatientID", CaseLayout.PATIENT_ID);
        Dicom.put(l, "PatientBirthDate", CaseLayout.PATIENT_BIRTH_DATE);
        Dicom.put(l, "PatientSex", CaseLayout.PATIENT_SEX);
        Dicom.put(l, "PatientAge", CaseLayout.PATIENT_AGE);
        Dicom.put(l, "BodyPartExamined", "LSPINE");
        Dicom.put(l, "DeviceSerialNumber", "0001");
        Dicom.put(l, "SoftwareVersions", "parsreader-sample-1");
        Dicom.put(l, "ProtocolName", plan.description());
        Dicom.put(l, "PatientPosition", plan.patientPosition());
        Dicom.put(l, "StudyInstanceUID", study.uid());
        Dicom.put(l, "SeriesInstanceUID", seriesUid);
        Dicom.put(l, "StudyID", study.id());
        Dicom.putInt(l, "SeriesNumber", plan.number());
        Dicom.putInt(l, "AcquisitionNumber", 1);
        Dicom.putInt(l, "InstanceNumber", plan.instanceNumbers()[index]);
        Dicom.putDecimal(l, "ImagePositionPatient", g.position().x(), g.position().y(), g.position().z());
        Dicom.putDecimal(l, "ImageOrientationPatient", g.row().x(), g.row().y(), g.row().z(),
                g.column().x(), g.column().y(), g.column().z());
        Dicom.put(l, "FrameOfReferenceUID", plan.frameUid());
        Dicom.put(l, "PositionReferenceIndicator");
        Dicom.putDecimal(l, "SliceLocation", sliceLocation(g));
        Dicom.putDecimal(l, "PixelSpacing", g.rowSpacing(), g.columnSpacing());
        Dicom.putDecimal(l, "SliceThickness", plan.sliceThickness());
        Dicom.putInt(l, "SamplesPerPixel", 1);
        Dicom.put(l, "PhotometricInterpretation", "MONOCHROME2");
        Dicom.putInt(l, "Rows", g.rows());
        Dicom.putInt(l, "Columns", g.columns());
        Dicom.putInt(l, "BitsAllocated", 16);
        return l;
    }

    /** Position of the image centre along the un-tilted stack axis (z for axial, x for sagittal). */
    double sliceLocation(SliceGeometry g) {
        return plan.modality().equals("CT") ? g.centre().z() : g.centre().x();
    }
}
