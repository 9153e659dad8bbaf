package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StackFrame;
import org.parsreader.dicom.StudyScanner;

/** What a loaded volume's warnings say reaches the batch manifest and the case's contrast.json. */
class BatchWarningsTest {
    @Test
    void aBadSliceInThePostContrastCtIsNamedInTheManifest(@TempDir Path dir) throws Exception {
        Path cohort = Files.createDirectories(dir.resolve("cohort"));
        Path c = cohort.resolve("case-1");
        BatchTestCohort.copyCase(c);
        ImageStack post = StudyScanner.scan(c).stacks().stream()
                .filter(s -> s.series().description().equals("Post contrast")).findFirst().orElseThrow();
        StackFrame victim = post.frames().stream().min(Comparator.comparingDouble(f -> Math.abs(f.geometry().position()[2] + 470))).orElseThrow();
        AttributeList l = new AttributeList();
        l.read(victim.instance().file().toFile());
        Attribute a = new DecimalStringAttribute(new AttributeTag(0x0028, 0x1053));
        a.addValue("NaN");
        l.put(a);
        l.write(victim.instance().file().toFile(), Attribute.getSingleStringValueOrEmptyString(l, TagFromName.TransferSyntaxUID), true, true);
        String name = victim.instance().file().getFileName().toString();

        Path out = dir.resolve("out");
        BatchRunner.run(new BatchRunner.Options(cohort, out, 1, Shard.ALL, EnumSet.of(Step.INDEX, Step.CONTRAST), null, 0), (x, y, z) -> { });
        Manifest m = Manifest.read(out.resolve(Manifest.FILE));
        Manifest.CaseEntry e = m.find("case-1").orElseThrow();
        assertThat(e.status()).isEqualTo(Manifest.Status.done);
        assertThat(e.notes()).anyMatch(n -> n.startsWith("contrast: ") && n.contains(name) && n.contains("RescaleSlope") && n.contains("'NaN'"));
        assertThat(Files.readString(out.resolve("cases/case-1/contrast.json"))).contains(name).contains("RescaleSlope");
    }
}
