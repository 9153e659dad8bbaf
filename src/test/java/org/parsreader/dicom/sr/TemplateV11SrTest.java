package org.parsreader.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.Side;

/**
 * Issue 14 point 5: the findings pars-injection 1.1.0 adds (canal, herniation, root contact,
 * effusion, bony union, injectate) go into the SR under the project's scheme (docs/dicom-codes.md)
 * and come back as they were.
 */
class TemplateV11SrTest {
    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
    }

    @Test
    void theNewFindingsRoundTripThroughTheSr(@TempDir Path dir) throws Exception {
        assertThat(SrFixtures.template.version()).isEqualTo("1.1.0");
        FindingsEditor e = new FindingsEditor(SrFixtures.template, SrFixtures.r1, Clock.fixed(SrFixtures.WHEN, ZoneOffset.UTC));
        e.set("central_canal_lee", "L4", null, "2");
        e.set("disc_herniation", "L4", Side.LEFT, "extrusion");
        e.set("nerve_root_contact", "L4", Side.LEFT, "3");
        e.set("facet_effusion", "L4", Side.RIGHT, "yes");
        e.set("bony_union", "L5", Side.RIGHT, "partial");
        e.set("injectate_anaesthetic", "L5", Side.LEFT, "bupivacaine");
        e.set("injectate_steroid", "L5", Side.LEFT, "triamcinolone");
        e.set("injectate_volume_ml", "L5", Side.LEFT, "1.5");
        e.setConfidence("nerve_root_contact", "L4", Side.LEFT, 4);
        FindingsDocument d = e.document();
        DicomExport.Result res = DicomExport.export(d, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        SrReader.Imported in = SrReader.read(res.sr(), SrFixtures.template, SrReader.bySop(List.of(SegReader.read(res.segs().get(0), SrFixtures.index))));
        assertThat(in.notes()).isEmpty();
        List<String> added = List.of("central_canal_lee", "disc_herniation", "nerve_root_contact", "facet_effusion", "bony_union",
                "injectate_anaesthetic", "injectate_steroid", "injectate_volume_ml");
        List<String> want = d.values().stream().filter(v -> added.contains(v.finding())).map(TemplateV11SrTest::text).sorted().toList();
        List<String> got = in.values().stream().filter(v -> added.contains(v.finding())).map(TemplateV11SrTest::text).sorted().toList();
        assertThat(want).hasSize(8);
        assertThat(got).isEqualTo(want);
    }

    /** A value with its place, without the confidence (which TID 1500 has no place for: see the report). */
    static String text(FindingsDocument.FindingValue v) {
        return v.finding() + "|" + v.level() + "|" + v.side() + "|" + v.value().text();
    }
}
