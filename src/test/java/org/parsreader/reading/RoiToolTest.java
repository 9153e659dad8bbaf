package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;

/** The ROI tools come from the template: one per finding with a ROI kind, one per contrast compartment. */
class RoiToolTest {
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");
    static final ReadingTemplate ESI = ReadingTemplate.builtIn("transforaminal-esi");

    @Test
    void parsInjectionHasTheToolsOfItsRoiFindingsAndCompartments() {
        List<RoiTool> tools = RoiTool.of(PARS);
        assertThat(tools).filteredOn(t -> t.roiLabel() == null)
                .extracting(t -> t.id() + " " + t.kind() + " " + t.roiType().label())
                .containsExactly("gap_width_mm LINE line", "bme_roi_mean POLYGON polygon", "bme_ref_mean POLYGON polygon",
                        "slip_pct LINE line", "contrast_volume_ml SEED mask3d");
        List<String> compartments = PARS.finding("contrast_compartments").orElseThrow().values();
        assertThat(tools).filteredOn(t -> t.roiLabel() != null)
                .allSatisfy(t -> {
                    assertThat(t.kind()).isEqualTo(RoiTool.Kind.POLYGON);
                    assertThat(t.finding()).isEqualTo("contrast_compartments");
                    assertThat(t.id()).isEqualTo("contrast_compartments:" + t.roiLabel());
                    assertThat(t.series()).isEqualTo("CT");
                })
                .extracting(RoiTool::roiLabel).containsExactlyElementsOf(compartments);
        assertThat(tools).hasSize(5 + compartments.size());
        assertDistinct(tools);
        assertThat(RoiTool.require(PARS, "gap_width_mm").label()).isEqualTo("Defect gap width (line)");
        assertThat(RoiTool.require(PARS, "bme_roi_mean").series()).isEqualTo("MR-STIR");
    }

    @Test
    void everyRoiFindingOfEveryBuiltInTemplateHasATool() {
        for (String id : ReadingTemplate.BUILT_IN) {
            ReadingTemplate t = ReadingTemplate.builtIn(id);
            List<RoiTool> tools = RoiTool.of(t);
            for (FindingType f : t.findings()) {
                if (f.roi() != null) assertThat(tools).as(id + " " + f.id()).anyMatch(x -> x.id().equals(f.id()) && x.roiType().label().equals(f.roi()));
                if (RoiTool.isCompartmentFinding(f)) assertThat(tools).filteredOn(x -> f.id().equals(x.finding())).hasSize(f.values().size());
            }
            assertDistinct(tools);
        }
    }

    @Test
    void transforaminalHasOnlyTheContrastSeed() {
        assertThat(RoiTool.of(ESI)).extracting(RoiTool::id, RoiTool::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contrast_volume_ml", RoiTool.Kind.SEED));
    }

    @Test
    void coloursAndShortcutsAreDeterministic() {
        assertThat(RoiTool.of(PARS)).isEqualTo(RoiTool.of(ReadingTemplate.builtIn("pars-injection")));
        RoiTool gap = RoiTool.of(PARS).get(0);
        assertThat(gap.rgb()).isEqualTo(RoiTool.PALETTE[0]);
        assertThat(gap.hex()).isEqualTo("#FFD700");
        assertThat(gap.shortcut()).isEqualTo("d");
        // the same finding keeps its colour across templates only by order; in ESI the seed is first
        assertThat(RoiTool.of(ESI).get(0).rgb()).isEqualTo(RoiTool.PALETTE[0]);
    }

    @Test
    void findsToolsByIdAndStoredRois() {
        assertThat(RoiTool.find(PARS, "CONTRAST_COMPARTMENTS:pars_defect")).map(RoiTool::roiLabel).contains("pars_defect");
        assertThat(RoiTool.forRoi(PARS, "contrast_compartments", "caudal_facet")).map(RoiTool::id).contains("contrast_compartments:caudal_facet");
        assertThat(RoiTool.forRoi(PARS, "bme_ref_mean", null)).map(RoiTool::id).contains("bme_ref_mean");
        assertThat(RoiTool.forRoi(PARS, "pars_defect", null)).isEmpty();
        assertThat(RoiTool.require(PARS, "contrast_volume_ml").stores(RoiType.MASK3D)).isTrue();
        assertThatThrownBy(() -> RoiTool.require(PARS, "nonsense")).hasMessageContaining("no ROI tool 'nonsense'").hasMessageContaining("gap_width_mm");
    }

    private static void assertDistinct(List<RoiTool> tools) {
        assertThat(tools).extracting(RoiTool::id).doesNotHaveDuplicates();
        assertThat(tools).extracting(RoiTool::rgb).doesNotHaveDuplicates();
        Set<String> keys = tools.stream().map(RoiTool::shortcut).collect(Collectors.toSet());
        assertThat(keys).hasSize(tools.size()).doesNotContainNull();
        assertThat(tools).allSatisfy(t -> assertThat(t.shortcut()).hasSize(1));
    }
}
