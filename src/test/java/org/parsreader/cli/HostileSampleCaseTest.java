package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StackFrame;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.sample.SampleCase;

/**
 * The defects of issue 11's hostile trial on the sample case, end to end through the command
 * line: one post-contrast slice with a RescaleIntercept that is not a number (it used to read
 * as 0 and turn the 0.33 mL region into 11.9 mL, exit 0), and one slice stored twice under a
 * new UID (the stack used to be spread evenly over 19 slices). The numbers stay right and the
 * JSON says what happened.
 */
class HostileSampleCaseTest {
    static final double[] SEED = {16.5, 52, -499.5};
    static JsonNode truth;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTruth() throws Exception {
        truth = new ObjectMapper().readTree(CommandLineTest.SAMPLE.resolve("ground-truth.json").toFile());
    }

    /** The post-contrast slice nearest the seed, in {@code caseDir}. */
    private static StackFrame sliceAtSeed(Path caseDir) {
        ImageStack post = StudyScanner.scan(caseDir).stacks().stream()
                .filter(s -> s.series().description().equals("Post contrast")).findFirst().orElseThrow();
        return post.frames().stream().min(Comparator.comparingDouble(f -> Math.abs(f.geometry().position()[2] - SEED[2]))).orElseThrow();
    }

    private static void rewrite(Path file, Path to, java.util.function.Consumer<AttributeList> change) throws Exception {
        AttributeList l = new AttributeList();
        l.read(file.toFile());
        change.accept(l);
        String ts = Attribute.getSingleStringValueOrEmptyString(l, TagFromName.TransferSyntaxUID);
        l.write(to.toFile(), ts.isEmpty() ? TransferSyntax.ExplicitVRLittleEndian : ts, true, true);
    }

    private static String postStack(Path caseDir) {
        return SampleCase.stackId(caseDir, "Post contrast");
    }

    @Test
    void aRescaleInterceptThatIsNotANumberNoLongerInflatesTheContrastVolume() throws Exception {
        Path c = SampleCase.copy(dir);
        StackFrame victim = sliceAtSeed(c);
        rewrite(victim.instance().file(), victim.instance().file(), l -> {
            try {
                Attribute a = new DecimalStringAttribute(new AttributeTag(0x0028, 0x1052));
                a.addValue("abc");
                l.put(a);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String name = victim.instance().file().getFileName().toString();
        CommandLineTest.Run r = CommandLineTest.run("quantify-contrast", c.toString(), "--series", postStack(c),
                "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double truthMl = truth.get("contrast").get("volumeVoxelMl").asDouble();
        assertThat(j.get("volume_ml").asDouble()).as("the bad slice is left out, never read as intercept 0").isLessThan(1.05 * truthMl);
        assertThat(j.get("warnings").toString()).contains(name).contains("RescaleIntercept").contains("abc");

        CommandLineTest.Run stats = CommandLineTest.run("volume-stats", c.toString(), "--series", postStack(c), "--json");
        assertThat(stats.status()).as(stats.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(stats.out());
        assertThat(s.get("warnings").toString()).contains(name).contains("RescaleIntercept");
        assertThat(s.get("bad_slices").toString()).contains("RescaleIntercept");
    }

    @Test
    void aSliceStoredTwiceUnderANewUidLeavesTheGridAndTheVolumeAsTheyWere() throws Exception {
        Path c = SampleCase.copy(dir);
        String id = postStack(c);
        JsonNode before = new ObjectMapper().readTree(CommandLineTest.run("volume-stats", c.toString(), "--series", id, "--json").out());
        StackFrame victim = sliceAtSeed(c);
        Path copy = victim.instance().file().resolveSibling("REPEAT.dcm");
        rewrite(victim.instance().file(), copy, l -> {
            try {
                Attribute uid = new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID);
                uid.addValue(Attribute.getSingleStringValueOrEmptyString(l, TagFromName.SOPInstanceUID) + ".99");
                l.put(uid);
                Attribute n = new IntegerStringAttribute(TagFromName.InstanceNumber);
                n.addValue(999);
                l.put(n);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CommandLineTest.Run stats = CommandLineTest.run("volume-stats", c.toString(), "--series", id, "--json");
        assertThat(stats.status()).as(stats.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(stats.out());
        assertThat(s.get("dimensions").toString()).isEqualTo(before.get("dimensions").toString());
        assertThat(s.get("spacing_mm").get(2).asDouble()).isCloseTo(before.get("spacing_mm").get(2).asDouble(), within(1e-9));
        assertThat(s.get("sum").asDouble()).isEqualTo(before.get("sum").asDouble());
        assertThat(s.get("warnings").toString()).contains("REPEAT.dcm").contains("kept");

        CommandLineTest.Run q = CommandLineTest.run("quantify-contrast", c.toString(), "--series", id,
                "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--json");
        assertThat(q.status()).as(q.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(q.out());
        double truthMl = truth.get("contrast").get("volumeVoxelMl").asDouble();
        assertThat(j.get("volume_ml").asDouble()).isCloseTo(truthMl, within(0.05 * truthMl));
        assertThat(j.get("warnings").toString()).contains("REPEAT.dcm");
    }
}
