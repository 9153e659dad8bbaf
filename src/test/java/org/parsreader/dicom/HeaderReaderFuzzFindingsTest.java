package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Header reader defects found by {@link HeaderReaderFuzzTest}, one test each. */
class HeaderReaderFuzzFindingsTest {
    private static Path input(String method, String name) throws URISyntaxException {
        return Path.of(HeaderReaderFuzzFindingsTest.class.getResource("HeaderReaderFuzzTestInputs/" + method + "/" + name).toURI());
    }

    @Test
    void elementClaimingMoreThanTheFileIsRefusedBeforePixelMedAllocatesIt() throws Exception {
        // 1.1 KB file, an OB element claiming 1.8 GB: PixelMed allocated it (1.9 GB RSS with -Xmx4g)
        Path f = input("pixelMedPath", "claims-1.8gb-top-level.dcm");
        assertThatThrownBy(() -> HeaderReader.read(f)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("claims 1879048192 bytes but the file has 1116");
    }
}
