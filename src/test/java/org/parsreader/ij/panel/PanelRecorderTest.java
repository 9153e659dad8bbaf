package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded line is exactly the macro call the command accepts. */
class PanelRecorderTest {
    @Test
    void linesAreMacroCalls() {
        assertThat(PanelRecorder.line("Reading Set...", "finding=pars_defect level=L5", false))
                .isEqualTo("run(\"Reading Set...\", \"finding=pars_defect level=L5\");\n");
        assertThat(PanelRecorder.line("Reading Undo", "", false)).isEqualTo("run(\"Reading Undo\");\n");
        assertThat(PanelRecorder.line("Reading Undo", null, true)).isEqualTo("IJ.run(\"Reading Undo\");\n");
        assertThat(PanelRecorder.line("Read Case...", "case=C:\\data\\case \"1\"", false))
                .isEqualTo("run(\"Read Case...\", \"case=C:\\\\data\\\\case \\\"1\\\"\");\n");
    }

    @Test
    void optionsQuoteValuesWithSpacesAndKeepFlags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("case", "/data/case 002");
        m.put("reader", "R1");
        m.put("skipped", null);
        m.put("unblinded", "");
        assertThat(PanelRecorder.options(m)).isEqualTo("case=[/data/case 002] reader=R1 unblinded");
        assertThat(PanelRecorder.value("")).isEqualTo("[]");
    }

    @Test
    void recordsNothingWithoutARecorder() {
        assertThat(PanelRecorder.recording()).isFalse();
        assertThat(PanelRecorder.record("Reading Save", "")).isEqualTo("run(\"Reading Save\");\n");
    }
}
