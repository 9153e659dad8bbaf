package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;

class SeriesChoiceTest {
    static final StudyIndex SAMPLE = StudyScanner.scan(BatchTestCohort.SAMPLE);

    @Test
    void thePostContrastScanIsFoundByDescriptionAndTheNeedleCheckAsItsBaseline() {
        SeriesChoice c = SeriesChoice.choose(SAMPLE, null);
        assertThat(c.post().series().description()).isEqualTo("Post contrast");
        // planning and needle check are both earlier; the needle check says so and is the later one
        assertThat(c.baseline().series().description()).isEqualTo("Needle check");
        assertThat(c.how()).contains("description says post-contrast").contains("needle check");
    }

    @Test
    void theSeriesTheTipWasMarkedOnIsTheBaseline() {
        String planning = SAMPLE.stacks().stream().filter(s -> "Planning".equals(s.series().description())).findFirst().orElseThrow().series().uid();
        SeriesChoice c = SeriesChoice.choose(SAMPLE, planning);
        assertThat(c.baseline().series().description()).isEqualTo("Planning");
        assertThat(c.how()).contains("needle tip was marked on");
    }
}
