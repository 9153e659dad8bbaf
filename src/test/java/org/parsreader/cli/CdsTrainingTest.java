package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's class-data-sharing training (scripts/make-launcher.sh): its lines and its DICOMweb retrieve. */
class CdsTrainingTest {
    @Test
    void commandLinesAreSplitOnALonePlus() {
        assertThat(CdsTraining.split(new String[] {"--help", "+", "info", "DIR", "+", "+", "volume-stats", "DIR", "--json"}))
                .containsExactly(List.of("--help"), List.of("info", "DIR"), List.of("volume-stats", "DIR", "--json"));
    }

    @Test
    void theSampleCaseIsRetrievedByWadoRsFromTheTrainingServer() throws Exception {
        // the whole retrieve path against the in-JVM server: QIDO-RS count, WADO-RS multipart, the
        // count check and the atomic rename into the cache; exit 0 only when all of them passed
        assertThat(DicomWebTraining.run(Path.of("sample-data/case-001"))).isZero();
    }
}
