package org.parsreader.pacs;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** DIMSE through PixelMed: C-FIND (study root), C-GET into a folder, C-STORE. */
public final class DimseClient {
    private final PacsServer server;

    public DimseClient(PacsServer server) {
        if (!server.hasDimse()) throw new IllegalArgumentException(server.describe() + " has no DIMSE host, port and called AE title");
        this.server = server;
    }

    private PacsException fail(String what, Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof java.net.ConnectException || m.contains("Connection refused"))
            return new PacsException(what + ": cannot connect to " + server.describe() + " (server down or wrong host/port)", e);
        return new PacsException(what + ": " + server.describe() + ": " + m, e);
    }

    /** C-FIND at study level. */
    public List<StudyHit> query(StudyQuery q) {
        String what = "C-FIND query for " + q;
        try {
            AttributeList id = new AttributeList();
            put(id, new CodeStringAttribute(TagFromName.QueryRetrieveLevel), "STUDY");
            put(id, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), q.studyUid());
            put(id, new LongStringAttribute(TagFromName.PatientID), q.patientId());
            put(id, new PersonNameAttribute(TagFromName.PatientName), null);
            put(id, new ShortStringAttribute(TagFromName.AccessionNumber), q.accession());
            put(id, new DateAttribute(TagFromName.StudyDate), q.dateRange());
            put(id, new CodeStringAttribute(TagFromName.ModalitiesInStudy), q.modality());
            put(id, new LongStringAttribute(TagFromName.StudyDescription), null);
            put(id, new IntegerStringAttribute(TagFromName.NumberOfStudyRelatedInstances), null);
            List<StudyHit> hits = new ArrayList<>();
            new FindSOPClassSCU(server.host(), server.port(), server.calledAe(), server.callingAe(), SOPClass.StudyRootQueryRetrieveInformationModelFind, id,
                    new IdentifierHandler() {
                        @Override
                        public void doSomethingWithIdentifier(AttributeList a) {
                            String n = Attribute.getSingleStringValueOrNull(a, TagFromName.NumberOfStudyRelatedInstances);
                            String[] mods = Attribute.getStringValues(a, TagFromName.ModalitiesInStudy);
                            hits.add(new StudyHit(v(a, TagFromName.StudyInstanceUID), v(a, TagFromName.PatientID), v(a, TagFromName.PatientName),
                                    v(a, TagFromName.AccessionNumber), v(a, TagFromName.StudyDate), mods == null ? List.of() : Arrays.asList(mods),
                                    v(a, TagFromName.StudyDescription), n == null || n.isBlank() ? -1 : Integer.parseInt(n.trim())));
                        }
                    });
            return hits;
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw fail(what, e);
        }
    }

    private static String v(AttributeList a, AttributeTag t) {
        String s = Attribute.getSingleStringValueOrNull(a, t);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void put(AttributeList l, Attribute a, String value) throws DicomException {
        if (value != null && !value.isBlank()) a.addValue(value);
        l.put(a);
    }

    /**
     * The storage SOP classes we accept in a C-GET: what a CT-guided case and our results hold.
     * Not PixelMed's full list: its association builder fails on some of its rarer classes
     * ("Failed to create any Presentation Contexts for ... 88.73") and one association offers at
     * most 128 presentation contexts.
     */
    private static Set<String> storageClasses() {
        return new LinkedHashSet<>(List.of(SOPClass.CTImageStorage, SOPClass.MRImageStorage, SOPClass.EnhancedCTImageStorage,
                SOPClass.EnhancedMRImageStorage, SOPClass.SecondaryCaptureImageStorage, SOPClass.Comprehensive3DSRStorage, SOPClass.ComprehensiveSRStorage,
                SOPClass.EnhancedSRStorage, SOPClass.BasicTextSRStorage, SOPClass.XRayRadiationDoseSRStorage, SOPClass.SegmentationStorage,
                SOPClass.EncapsulatedPDFStorage, SOPClass.GrayscaleSoftcopyPresentationStateStorage, SOPClass.XRayAngiographicImageStorage,
                SOPClass.DigitalXRayImageStorageForPresentation, SOPClass.ComputedRadiographyImageStorage));
    }

    /** C-GET of a study into folder (one file per SOP instance UID); returns how many instances arrived. */
    public int retrieve(String studyUid, Path folder) {
        String what = "C-GET retrieve of study " + studyUid;
        AtomicInteger received = new AtomicInteger();
        try {
            AttributeList id = new AttributeList();
            put(id, new CodeStringAttribute(TagFromName.QueryRetrieveLevel), "STUDY");
            put(id, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
            new GetSOPClassSCU(server.host(), server.port(), server.calledAe(), server.callingAe(),
                    SOPClass.StudyRootQueryRetrieveInformationModelGet, id, new IdentifierHandler(), folder.toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new ReceivedObjectHandler() {
                        @Override
                        public void sendReceivedObjectIndication(String file, String ts, String aet) {
                            received.incrementAndGet();
                        }
                    }, storageClasses(), true, true, false);
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw fail(what, e);
        }
        return received.get();
    }

    /** C-STORE of the files; returns how many were stored, throws if any failed. */
    public int store(List<Path> files) {
        String what = "C-STORE of " + files.size() + " file(s)";
        int[] counts = new int[3];
        SetOfDicomFiles set = new SetOfDicomFiles();
        for (Path f : files) {
            try {
                set.add(f.toFile());
            } catch (IOException | RuntimeException e) {
                throw new PacsException(what + ": " + f + " is not a readable DICOM file: " + e.getMessage(), e);
            }
        }
        // this PixelMed constructor reports failures (connection refused included) only through the status handler
        new StorageSOPClassSCU(server.host(), server.port(), server.calledAe(), server.callingAe(), set, 0, new MultipleInstanceTransferStatusHandler() {
            @Override
            public void updateStatus(int remaining, int completed, int failed, int warning, String sop) {
                counts[0] = completed;
                counts[1] = failed;
                counts[2] = warning;
            }
        });
        if (counts[0] + counts[1] + counts[2] == 0)
            throw new PacsException(what + ": " + server.describe() + " took none of them (server down, wrong host/port or AE title refused)");
        if (counts[1] > 0 || counts[0] + counts[2] < files.size())
            throw new PacsException(what + ": " + server.describe() + " stored " + (counts[0] + counts[2]) + " and refused " + (files.size() - counts[0] - counts[2]));
        return counts[0] + counts[2];
    }
}
