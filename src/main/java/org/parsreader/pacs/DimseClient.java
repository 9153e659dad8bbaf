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
import com.pixelmed.network.MoveSOPClassSCU;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DIMSE through PixelMed: C-FIND (study root), C-GET or C-MOVE into a folder, C-STORE. */
public final class DimseClient {
    /**
     * PixelMed's fallback logger (no SLF4J binding when our jar runs alone) prints five INFO or
     * WARN lines to stderr per instance a C-GET or C-MOVE receives (325 KB for a 400-slice CT);
     * we report progress and errors ourselves, so these loggers are set to PixelMed's quietest
     * level unless the user set them (as org.parsreader.dicom.PixelMedLogging does for parsing).
     */
    static {
        for (String cls : List.of("GetSOPClassSCU", "MoveSOPClassSCU", "FindSOPClassSCU", "StorageSOPClassSCU", "StorageSOPClassSCP", "Association",
                "AssociationAcceptor", "AssociationInitiator", "CompositeResponseHandler", "ReceivedDataHandler")) {
            String key = "org.slf4j.simpleLogger.log.com.pixelmed.network." + cls;
            if (System.getProperty(key) == null) System.setProperty(key, "error");
        }
    }

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

    /**
     * C-MOVE of a study into folder: PixelMed's storage SCP listens on the server's movePort as our
     * AE title (callingAe) for the time of the move, and the PACS, which must know that AE title at
     * this computer and port, sends the instances to it. Returns how many arrived; throws when the
     * PACS refuses the move (unknown destination AE, say) or reports failed sub-operations.
     */
    public int move(String studyUid, Path folder) {
        String what = "C-MOVE retrieve of study " + studyUid;
        if (server.movePort() <= 0)
            throw new PacsException(what + ": " + server.describe() + " has no movePort, the port our storage SCP listens on for the instances"
                    + " (the PACS must know AE title '" + server.callingAe() + "' at this computer and that port)");
        MoveReceiver scp;
        try {
            scp = new MoveReceiver(server.movePort(), server.callingAe(), folder);
        } catch (IOException e) {
            throw new PacsException(what + ": cannot listen on port " + server.movePort() + " for the instances from " + server.describe() + ": " + e.getMessage(), e);
        }
        try (scp) {
            AttributeList id = new AttributeList();
            put(id, new CodeStringAttribute(TagFromName.QueryRetrieveLevel), "STUDY");
            put(id, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
            // the final C-MOVE response comes after the last C-STORE response, which PixelMed's SCP
            // sends only after the file is in place and counted; the wait below is for the release
            MoveSOPClassSCU m;
            try {
                m = new MoveSOPClassSCU(server.host(), server.port(), server.calledAe(), server.callingAe(), server.callingAe(),
                        SOPClass.StudyRootQueryRetrieveInformationModelMove, id);
            } catch (DicomNetworkException e) {
                Matcher st = STATUS.matcher(String.valueOf(e.getMessage()));
                if (st.find()) checkMoveStatus(Integer.parseInt(st.group(1), 16), what);
                throw e;
            }
            checkMoveStatus(m.getStatus(), what);
            if (!scp.awaitAssociations(30_000))
                throw new PacsException(what + ": " + server.describe() + " reported the move complete but kept sending for 30 s more");
            Exception cut = scp.firstFailure();
            if (cut != null)
                throw new PacsException(what + ": receiving the instances from " + server.describe() + " failed: " + cut.getMessage(), cut);
            return scp.received();
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw fail(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacsException(what + ": interrupted", e);
        }
    }

    private static final Pattern STATUS = Pattern.compile("status 0x([0-9a-fA-F]{1,4})");

    /** PixelMed throws on a failure status with the status in its message; success and warnings come back through getStatus. */
    private void checkMoveStatus(int status, String what) {
        if (status == 0x0000) return;
        String hex = String.format("0x%04X", status);
        String destination = "our AE title '" + server.callingAe() + "' as a move destination at this computer, port " + server.movePort();
        if (status == 0xA801) throw new PacsException(what + ": " + server.describe() + " does not know " + destination + " (status " + hex + ")");
        if (status == 0xB000) throw new PacsException(what + ": " + server.describe() + " reports that some instances failed to arrive (status " + hex + ")");
        if (status == 0xA701 || status == 0xA702) throw new PacsException(what + ": " + server.describe() + " is out of resources (status " + hex + ")");
        // Orthanc answers 0xC000 (unable to process) to an unknown destination, as some other PACS do
        throw new PacsException(what + ": " + server.describe() + " refused or failed the move (status " + hex + "); check that it knows " + destination);
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
