package org.parsreader.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCaseGeneratorTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static GroundTruth truth;
    /** Headers and pixels of every series in geometric order. */
    static final Map<String, List<AttributeList>> SERIES = new HashMap<>();
    static final SpinePhantom PHANTOM = new SpinePhantom();

    @BeforeAll
    static void generate() throws Exception {
        dir = tmp.resolve("case-a");
        truth = SampleCaseGenerator.generate(dir);
        for (GroundTruth.Series s : truth.series()) {
            List<AttributeList> lists = new ArrayList<>();
            for (GroundTruth.FileEntry f : s.files()) {
                AttributeList l = new AttributeList();
                l.read(dir.resolve(f.file()).toFile());
                lists.add(l);
            }
            SERIES.put(s.key(), lists);
        }
    }

    @Test
    void secondRunWritesIdenticalBytes() throws IOException {
        Path other = tmp.resolve("case-b");
        SampleCaseGenerator.generate(other);
        List<Path> a = files(dir), b = files(other);
        assertThat(b.stream().map(other::relativize).toList()).isEqualTo(a.stream().map(dir::relativize).toList());
        for (Path p : a) {
            assertThat(Files.mismatch(p, other.resolve(dir.relativize(p)))).as(p.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void groundTruthJsonReadsBackAndSizeStaysSmall() throws IOException {
        assertThat(GroundTruth.read(dir.resolve(SampleCaseGenerator.GROUND_TRUTH_FILE))).isEqualTo(truth);
        long bytes = 0;
        for (Path p : files(dir)) bytes += Files.size(p);
        assertThat(bytes).isLessThan(6_000_000L);
        // the DICOM files, ground-truth.json and findings/R1.findings.json
        assertThat(files(dir)).hasSize(2 + truth.series().stream().mapToInt(s -> s.files().size()).sum());
    }

    @Test
    void everyFileCarriesTheExpectedTags() {
        Set<String> sopUids = new HashSet<>();
        for (GroundTruth.Series s : truth.series()) {
            List<AttributeList> lists = SERIES.get(s.key());
            for (int i = 0; i < lists.size(); i++) {
                AttributeList l = lists.get(i);
                assertThat(str(l, "TransferSyntaxUID")).isEqualTo("1.2.840.10008.1.2.1");
                assertThat(str(l, "PatientName")).isEqualTo("PARS^PHANTOM");
                assertThat(str(l, "PatientID")).isEqualTo("PR-SAMPLE-001");
                assertThat(str(l, "PatientBirthDate")).isEqualTo("19800101");
                assertThat(str(l, "PatientSex")).isEqualTo("F");
                assertThat(str(l, "Manufacturer")).isEqualTo("Pars Reader synthetic");
                assertThat(str(l, "Modality")).isEqualTo(s.modality());
                assertThat(str(l, "StudyInstanceUID")).isEqualTo(s.studyInstanceUid());
                assertThat(str(l, "SeriesInstanceUID")).isEqualTo(s.seriesInstanceUid());
                assertThat(str(l, "FrameOfReferenceUID")).isEqualTo(s.frameOfReferenceUid());
                assertThat(str(l, "SeriesDescription")).isEqualTo(s.seriesDescription());
                assertThat(num(l, "InstanceNumber")).isEqualTo(s.files().get(i).instanceNumber());
                assertThat(num(l, "PixelRepresentation")).isEqualTo(s.pixelRepresentation());
                assertThat(num(l, "BitsAllocated")).isEqualTo(16);
                assertThat(num(l, "Rows")).isEqualTo(s.rows());
                assertThat(str(l, "PhotometricInterpretation")).isEqualTo("MONOCHROME2");
                assertThat(sopUids.add(str(l, "SOPInstanceUID"))).isTrue();
                assertThat(str(l, "SOPInstanceUID")).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
                if (s.modality().equals("MR")) {
                    assertThat(str(l, "SOPClassUID")).isEqualTo("1.2.840.10008.5.1.4.1.1.4");
                    assertThat(num(l, "SliceThickness")).isEqualTo(3.5);
                    assertThat(num(l, "SpacingBetweenSlices")).isEqualTo(4.0);
                    assertThat(num(l, "MagneticFieldStrength")).isEqualTo(1.5);
                    assertThat(str(l, "PatientPosition")).isEqualTo("HFS");
                } else {
                    assertThat(str(l, "SOPClassUID")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
                    assertThat(str(l, "PatientPosition")).isEqualTo("FFP");
                    assertThat(num(l, "KVP")).isEqualTo(120.0);
                    assertThat(num(l, "RescaleIntercept")).isEqualTo(s.rescaleIntercept());
                    assertThat(num(l, "CTDIvol")).isPositive();
                    assertThat(strs(l, "ImageType")).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
                }
            }
        }
        AttributeList t2 = SERIES.get("T2_SAG").get(0), stir = SERIES.get("STIR_SAG").get(0);
        assertThat(str(t2, "ScanningSequence")).isEqualTo("SE");
        assertThat(str(t2, "SequenceVariant")).isEqualTo("SK");
        assertThat(num(t2, "RepetitionTime")).isEqualTo(3500.0);
        assertThat(num(t2, "EchoTime")).isEqualTo(100.0);
        assertThat(num(t2, "EchoTrainLength")).isEqualTo(16);
        assertThat(str(stir, "ScanningSequence")).isEqualTo("IR");
        assertThat(strs(stir, "SequenceVariant")).containsExactly("SK", "SP");
        assertThat(num(stir, "InversionTime")).isEqualTo(150.0);
        assertThat(truth.series().get(0).studyInstanceUid()).isNotEqualTo(truth.series().get(3).studyInstanceUid());
        assertThat(truth.frames().mrFrameOfReferenceUid()).isNotEqualTo(truth.frames().ctFrameOfReferenceUid());
    }

    @Test
    void neitherInstanceNumbersNorFileNamesFollowTheGeometry() {
        for (String key : List.of("POST_CONTRAST", "NEEDLE_CHECK", "STIR_SAG")) {
            List<GroundTruth.FileEntry> files = series(key).files();
            List<Integer> numbers = files.stream().map(GroundTruth.FileEntry::instanceNumber).toList();
            assertThat(numbers).isNotEqualTo(numbers.stream().sorted().toList());
            List<String> names = files.stream().map(GroundTruth.FileEntry::file).toList();
            assertThat(names).isNotEqualTo(names.stream().sorted().toList());
        }
        List<Integer> post = series("POST_CONTRAST").files().stream().map(GroundTruth.FileEntry::instanceNumber).toList();
        assertThat(post).isNotEqualTo(post.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void tiltedNeedleCheckGeometry() {
        double t = Math.toRadians(5);
        List<AttributeList> lists = SERIES.get("NEEDLE_CHECK");
        for (int i = 0; i < lists.size(); i++) {
            AttributeList l = lists.get(i);
            assertThat(num(l, "GantryDetectorTilt")).isEqualTo(5.0);
            double[] iop = dbls(l, "ImageOrientationPatient");
            assertThat(iop).containsExactly(new double[] {1, 0, 0, 0, -Math.cos(t), Math.sin(t)}, within(1e-6));
            if (i > 0) {
                double[] a = dbls(lists.get(i - 1), "ImagePositionPatient"), b = dbls(l, "ImagePositionPatient");
                assertThat(new double[] {b[0] - a[0], b[1] - a[1], b[2] - a[2]}).containsExactly(new double[] {0, 0, -2}, within(1e-6));
            }
        }
        assertThat(series("NEEDLE_CHECK").spacingAlongNormalMm()).isCloseTo(2 * Math.cos(t), within(1e-3));
        for (AttributeList l : SERIES.get("POST_CONTRAST")) {
            assertThat(dbls(l, "ImageOrientationPatient")).containsExactly(1, 0, 0, 0, -1, 0);
        }
    }

    @Test
    void contrastVoxelsOnTheImagesMatchTheGroundTruth() throws Exception {
        int count = 0;
        for (AttributeList l : SERIES.get("POST_CONTRAST")) {
            for (double hu : hu(l)) if (hu >= 1250 && hu <= 2000) count++;
        }
        assertThat(count).isEqualTo(truth.contrast().voxelCount());
        assertThat(truth.contrast().volumeVoxelMl()).isCloseTo(truth.contrast().volumeAnalyticMl(), within(0.05 * truth.contrast().volumeAnalyticMl()));
        assertThat(truth.contrast().compartmentsReached()).extracting(GroundTruth.Compartment::voxelCount).allMatch(n -> n > 20);
    }

    @Test
    void ctNumbersAtKnownPoints() throws Exception {
        for (int level : new int[] {4, 5}) { // L4, L5 body centres on the planning scan
            assertThat(mean(sample("PLANNING", PHANTOM.bodyCentre(level), 2))).isCloseTo(250, within(20.0));
        }
        // every post-contrast voxel centred in the defect or facet contrast reads > 900 HU
        List<Double> contrast = new ArrayList<>(), gap = new ArrayList<>();
        for (AttributeList l : SERIES.get("POST_CONTRAST")) collect(l, p -> PHANTOM.inContrast(p), contrast);
        assertThat(contrast).hasSize(truth.contrast().voxelCount()).allMatch(hu -> hu > 900);
        // before contrast (tilted needle check) the right L5 defect gap is soft tissue
        Vec3 c = PHANTOM.defectCentre(SpinePhantom.RIGHT);
        for (AttributeList l : SERIES.get("NEEDLE_CHECK")) {
            collect(l, p -> Math.abs(p.minus(c).dot(PHANTOM.defectNormal())) < 1.0
                    && Shapes.lineDistance(p, c, PHANTOM.parsAxis()) < 3.0, gap);
        }
        assertThat(gap).hasSizeGreaterThan(10).allMatch(hu -> hu > -60 && hu < 160);
        assertThat(mean(gap)).isCloseTo(Tissue.DEFECT_TISSUE.hu, within(15.0));
        // the needle tip is metal, clipped to 3071 HU, on the signed needle check
        Vec3 shaft = PHANTOM.needleTip().plus(PHANTOM.needleHub().minus(PHANTOM.needleTip()).unit().times(3));
        assertThat(sample("NEEDLE_CHECK", shaft, 3)).contains(3071.0).allMatch(hu -> hu <= 3071);
    }

    @Test
    void edemaIsBrightOnStirAndIntermediateOnT2() throws Exception {
        Vec3 left = PHANTOM.edemaCentre().plus(new Vec3(-2, -4, 0)); // inside the left L5 pedicle marrow
        Vec3 right = new Vec3(-left.x(), left.y(), left.z());
        assertThat(PHANTOM.tissue(left, false, false)).isEqualTo(Tissue.EDEMA_MARROW);
        double stirRatio = mean(mrSample("STIR_SAG", left)) / mean(mrSample("STIR_SAG", right));
        double t2Ratio = mean(mrSample("T2_SAG", left)) / mean(mrSample("T2_SAG", right));
        assertThat(stirRatio).isGreaterThan(3);
        assertThat(t2Ratio).isBetween(0.9, 1.6);
    }

    // ---- helpers -----------------------------------------------------------------------

    static GroundTruth.Series series(String key) {
        return truth.series().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String str(AttributeList l, String kw) {
        return Attribute.getSingleStringValueOrEmptyString(l, Dicom.tag(kw));
    }

    static String[] strs(AttributeList l, String kw) {
        return Attribute.getStringValues(l, Dicom.tag(kw));
    }

    static double num(AttributeList l, String kw) {
        return Attribute.getSingleDoubleValueOrDefault(l, Dicom.tag(kw), Double.NaN);
    }

    static double[] dbls(AttributeList l, String kw) {
        return Attribute.getDoubleValues(l, Dicom.tag(kw));
    }

    static double[] hu(AttributeList l) throws Exception {
        short[] px = l.get(TagFromName.PixelData).getShortValues();
        boolean signed = num(l, "PixelRepresentation") == 1;
        double slope = num(l, "RescaleSlope"), intercept = num(l, "RescaleIntercept");
        double[] out = new double[px.length];
        for (int i = 0; i < px.length; i++) out[i] = (signed ? px[i] : px[i] & 0xffff) * (Double.isNaN(slope) ? 1 : slope) + (Double.isNaN(intercept) ? 0 : intercept);
        return out;
    }

    static SliceGeometry geometry(AttributeList l) {
        double[] ipp = dbls(l, "ImagePositionPatient"), iop = dbls(l, "ImageOrientationPatient"), ps = dbls(l, "PixelSpacing");
        return new SliceGeometry(new Vec3(ipp[0], ipp[1], ipp[2]), new Vec3(iop[0], iop[1], iop[2]),
                new Vec3(iop[3], iop[4], iop[5]), ps[0], ps[1], (int) num(l, "Rows"), (int) num(l, "Columns"));
    }

    /** Values of the voxels of an image whose centres (anatomical frame) satisfy the test. */
    static void collect(AttributeList l, java.util.function.Predicate<Vec3> test, List<Double> out) throws Exception {
        SliceGeometry g = geometry(l);
        double[] v = hu(l);
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                if (test.test(CtSeriesWriter.toAnatomy(g.pixel(r, c)))) out.add(v[r * g.columns() + c]);
            }
        }
    }

    /** Values in a (2k+1)^2 neighbourhood of the voxel nearest to an anatomical point, nearest slice. */
    static List<Double> sample(String key, Vec3 anatomy, int k) throws Exception {
        return near(SERIES.get(key), anatomy.plus(CaseLayout.CT_FROM_ANATOMY), k, true);
    }

    static List<Double> mrSample(String key, Vec3 anatomy) throws Exception {
        return near(SERIES.get(key), anatomy.plus(CaseLayout.MR_FROM_ANATOMY), 1, false);
    }

    static List<Double> near(List<AttributeList> lists, Vec3 p, int k, boolean ct) throws Exception {
        AttributeList best = null;
        double bestD = Double.MAX_VALUE;
        for (AttributeList l : lists) {
            SliceGeometry g = geometry(l);
            double d = Math.abs(p.minus(g.position()).dot(g.normal()));
            if (d < bestD) {
                bestD = d;
                best = l;
            }
        }
        SliceGeometry g = geometry(best);
        Vec3 d = p.minus(g.position());
        int r0 = (int) Math.round(d.dot(g.column()) / g.rowSpacing()), c0 = (int) Math.round(d.dot(g.row()) / g.columnSpacing());
        double[] v = ct ? hu(best) : hu(best);
        List<Double> out = new ArrayList<>();
        for (int r = r0 - k; r <= r0 + k; r++) for (int c = c0 - k; c <= c0 + k; c++) out.add(v[r * g.columns() + c]);
        return out;
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
