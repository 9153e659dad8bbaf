package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DICOMDIR given as the study path: exactly the files it references, missing ones skipped
 * with their path, names differing in case found and said, damaged or empty DICOMDIRs refused.
 * DICOMDIRs are written by dcmtk's dcmmkdir at test time, or are pydicom's test sets.
 */
class DicomDirTest {
    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests");
    static final String SERIES_A = "1.2.826.0.1.3680043.9.7133.77.1";
    static final String SERIES_B = "1.2.826.0.1.3680043.9.7133.77.2";

    @TempDir
    Path dir;

    /** Two CT series (3 and 2 slices) in ISO 9660 names under CT/A and CT/B, then dcmmkdir over them. */
    static Path fileSet(Path root, String... dcmmkdirOptions) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmmkdir")), "dcmtk's dcmmkdir is not installed");
        writeSeries(root.resolve("CT/A"), SERIES_A, 3);
        writeSeries(root.resolve("CT/B"), SERIES_B, 2);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/dcmmkdir", "+r", "+I", "+id", "."));
        cmd.addAll(Arrays.asList(dcmmkdirOptions));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return root.resolve("DICOMDIR");
    }

    static void writeSeries(Path folder, String seriesUid, int n) throws Exception {
        Files.createDirectories(folder);
        for (int k = 0; k < n; k++) {
            var l = TestDicom.ctSlice(seriesUid, seriesUid + "." + (k + 1), k + 1, new double[] {0, 0, 2.5 * k},
                    StackGeometryTest.AXIAL, 8, 8, 0.5, (short) 1000, false, -1024);
            TestDicom.is(l, Tags.SeriesNumber, seriesUid.equals(SERIES_A) ? 1 : 2);
            // what dcmmkdir needs in the records beyond TestDicom's minimum
            putString(l, new com.pixelmed.dicom.PersonNameAttribute(Tags.at(0x00100010)), "TEST^DICOMDIR");
            putString(l, new com.pixelmed.dicom.DateAttribute(Tags.at(0x00080020)), "20240102");
            putString(l, new com.pixelmed.dicom.TimeAttribute(Tags.at(0x00080030)), "101500");
            putString(l, new com.pixelmed.dicom.ShortStringAttribute(Tags.at(0x00200010)), "1");
            TestDicom.write(l, folder.resolve(String.format(Locale.ROOT, "IM%06d", k + 1)));
        }
    }

    private static void putString(com.pixelmed.dicom.AttributeList l, com.pixelmed.dicom.Attribute a, String v) throws Exception {
        a.addValue(v);
        l.put(a);
    }

    @Test
    void aDicomdirFileListsTheSeriesOfTheFilesItReferences() throws Exception {
        Path dicomdir = fileSet(dir);
        StudyIndex index = StudyScanner.scan(dicomdir);
        assertThat(index.stacks()).extracting(s -> s.series().uid(), ImageStack::size)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SERIES_A, 3), org.assertj.core.groups.Tuple.tuple(SERIES_B, 2));
        assertThat(index.skipped()).isEmpty();
        assertThat(index.filesScanned()).isEqualTo(5);
        assertThat(index.dicomdirs()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(dicomdir);
            assertThat(d.referencedFiles()).isEqualTo(5);
            assertThat(d.missingFiles()).isEmpty();
            assertThat(d.problems()).isEmpty();
            assertThat(d.notes()).isEmpty();
        });
        // files paths are under the DICOMDIR's folder, as a folder scan gives them
        assertThat(index.stacks().get(0).frames().get(0).instance().file()).startsWith(dir);
    }

    @Test
    void onlyReferencedFilesAreScannedAndAFolderScanStillSeesEverything() throws Exception {
        Path dicomdir = fileSet(dir);
        writeSeries(dir.resolve("CT/C"), "1.2.826.0.1.3680043.9.7133.77.3", 4); // written after the DICOMDIR
        assertThat(StudyScanner.scan(dicomdir).stacks()).hasSize(2);
        StudyIndex folder = StudyScanner.scan(dir);
        assertThat(folder.stacks()).hasSize(3);
        assertThat(folder.dicomdirs()).singleElement().satisfies(d -> assertThat(d.referencedFiles()).isEqualTo(5));
    }

    @Test
    void aMissingReferencedFileIsSkippedWithItsPath() throws Exception {
        Path dicomdir = fileSet(dir);
        Path gone = dir.resolve("CT/A/IM000002");
        Files.delete(gone);
        StudyIndex index = StudyScanner.scan(dicomdir);
        assertThat(index.stacks()).hasSize(2);
        assertThat(index.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(gone);
            assertThat(s.reason()).startsWith(DicomDirReader.MISSING).contains("CT\\A\\IM000002");
        });
        assertThat(index.dicomdirs().get(0).missingFiles()).containsExactly("CT/A/IM000002");
    }

    @Test
    void lowerCaseNamesOfUpperCaseIdsAreFoundAndSaid() throws Exception {
        Path dicomdir = fileSet(dir);
        // as a CD written by a Windows tool shows on Linux: the same names in lower case
        Files.move(dir.resolve("CT/A"), dir.resolve("CT/a"));
        Files.move(dir.resolve("CT"), dir.resolve("ct"));
        for (Path f : Files.list(dir.resolve("ct/a")).toList()) Files.move(f, f.resolveSibling(f.getFileName().toString().toLowerCase(Locale.ROOT)));
        StudyIndex index = StudyScanner.scan(dicomdir);
        assertThat(index.skipped()).isEmpty();
        assertThat(index.stacks()).extracting(ImageStack::size).containsExactlyInAnyOrder(3, 2);
        assertThat(index.dicomdirs().get(0).notes()).singleElement().asString()
                .contains("5 referenced file(s) found only by a case-insensitive match").contains("CT\\A\\IM000001 -> ct/a/im000001");
    }

    @Test
    void twoNamesMatchingIgnoringCaseAreNotGuessed() throws Exception {
        Path dicomdir = fileSet(dir);
        Path f = dir.resolve("CT/B/IM000001");
        Files.copy(f, f.resolveSibling("im000001"));
        Files.move(f, f.resolveSibling("Im000001"));
        StudyIndex index = StudyScanner.scan(dicomdir);
        assertThat(index.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).startsWith(DicomDirReader.MISSING)
                .contains("several entries match IM000001 ignoring case: Im000001, im000001"));
    }

    @Test
    void aDicomdirNotNamedSoIsKnownByItsSopClass() throws Exception {
        Path dicomdir = fileSet(dir);
        Path renamed = Files.move(dicomdir, dir.resolve("INDEX.DCM"));
        assertThat(StudyScanner.scan(renamed).stacks()).hasSize(2);
    }

    @Test
    void aDicomdirWhoseFilesAreAllUnreadableIsRefusedWithTheFirstReason() throws Exception {
        Path dicomdir = fileSet(dir);
        try (var files = Files.walk(dir.resolve("CT"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.writeString(f, "overwritten by a broken copy");
        }
        assertThatThrownBy(() -> StudyScanner.scan(dicomdir)).isInstanceOf(DicomReadException.class)
                .hasMessageStartingWith(dicomdir + ": none of the 5 file(s) the DICOMDIR references could be read as DICOM (first: " + dir.resolve("CT"))
                .hasMessageContaining("not a DICOM file");
    }

    @Test
    void anImageNamedLikeADicomdirIsReadAsTheImageItIs() throws Exception {
        Path dicomdir = fileSet(dir);
        Path image = Files.copy(dir.resolve("CT/A/IM000001"), dir.resolve("DICOMDIR.BAK"));
        assertThat(StudyScanner.scan(image).stacks()).singleElement().satisfies(s -> assertThat(s.size()).isEqualTo(1));
        assertThat(StudyScanner.scan(dicomdir).stacks()).hasSize(2);
    }

    @Test
    void everyTruncationOfADicomdirIsRefusedNeverReadPartially() throws Exception {
        for (String[] options : new String[][] {{}, {"-e"}}) { // defined and undefined lengths
            Path root = Files.createDirectories(dir.resolve(options.length == 0 ? "defined" : "undefined"));
            byte[] whole = Files.readAllBytes(fileSet(root, options));
            Path cut = root.resolve("DICOMDIR.CUT");
            // every 5th length (PixelMed's silent partial reads span 10-20 byte windows) and every one of the last 64
            for (int n = 0; n < whole.length; n += n < whole.length - 64 ? 5 : 1) {
                Files.write(cut, Arrays.copyOf(whole, n));
                int len = n;
                assertThatThrownBy(() -> DicomDirReader.contents(cut)).as("truncated at %d of %d bytes %s", len, whole.length, List.of(options))
                        .isInstanceOf(DicomReadException.class).hasMessageStartingWith(cut + ": ");
            }
        }
    }

    @Test
    void aTruncatedDicomdirSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(fileSet(dir));
        Path cut = dir.resolve("DICOMDIR");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        assertThatThrownBy(() -> StudyScanner.scan(cut)).hasMessageContaining(cut.toString())
                .hasMessageContaining("not usable as a DICOMDIR").hasMessageContaining("truncated or damaged")
                .hasMessageContaining("(" + (whole.length - 100) + " bytes)");
        // in a folder scan the same damage is a problem of the DICOMDIR, and the files are still read
        StudyIndex folder = StudyScanner.scan(dir);
        assertThat(folder.stacks()).hasSize(2);
        assertThat(folder.dicomdirs()).singleElement().satisfies(d -> assertThat(d.problems()).singleElement().asString().contains("truncated"));
    }

    @Test
    void aDicomdirWithoutRecordsOrWithoutAnyExistingFileIsRefused() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PYDICOM));
        assertThatThrownBy(() -> StudyScanner.scan(PYDICOM.resolve("DICOMDIR-empty.dcm")))
                .isInstanceOf(DicomReadException.class).hasMessageContaining("DICOMDIR-empty.dcm: DICOMDIR references no files: 0 directory record(s)");
        Path copy = Files.copy(PYDICOM.resolve("DICOMDIR"), dir.resolve("DICOMDIR")); // its files are not beside the copy
        assertThatThrownBy(() -> StudyScanner.scan(copy)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("DICOMDIR references 31 file(s) under " + dir + " and none of them exists (first: " + dir.resolve("77654033"));
        Path text = Files.writeString(dir.resolve("DICOMDIR.TXT"), "not DICOM at all");
        assertThatThrownBy(() -> StudyScanner.scan(text)).hasMessageContaining(text + ": not usable as a DICOMDIR");
    }

    @Test
    void pydicomsDicomdirSets() {
        Assumptions.assumeTrue(Files.isDirectory(PYDICOM));
        // the same 31 files, whatever the encoding or record order; nopatient: PixelMed's tree keeps only 1 of them
        for (String name : List.of("DICOMDIR", "DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-reordered", "DICOMDIR-nopatient")) {
            StudyIndex index = StudyScanner.scan(PYDICOM.resolve(name));
            assertThat(index.filesScanned()).as(name).isEqualTo(31);
            assertThat(index.skipped()).as(name).isEmpty();
            assertThat(index.instanceCount()).as(name).isEqualTo(31);
            assertThat(index.dicomdirs()).as(name).singleElement().satisfies(d -> assertThat(d.problems()).isEmpty());
        }
        DicomDirReader.Contents tiny = DicomDirReader.contents(PYDICOM.resolve("TINY_ALPHA/DICOMDIR")); // 50 headers without pixels
        assertThat(tiny.files()).hasSize(50).allSatisfy(f -> assertThat(f).isRegularFile().hasParent(PYDICOM.resolve("TINY_ALPHA/PT000000/ST000000/SE000000")));
        assertThat(tiny.missing()).isEmpty();
        // nooffset: its last record's length and the sequence's run 24 bytes past the end of the file
        assertThatThrownBy(() -> StudyScanner.scan(PYDICOM.resolve("DICOMDIR-nooffset")))
                .hasMessageContaining("Directory Record Sequence (0004,1220) could not be read; the file (11092 bytes) is truncated or damaged");
    }
}
