package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Header reader inputs found by {@link HeaderReaderFuzzTest}: PixelMed allocated the length an
 * element claims before reading it (with a small heap it caught the OutOfMemoryError itself, so
 * only memory showed it). {@link ElementBounds} now refuses both before PixelMed sees the file.
 */
class HeaderReaderFuzzFindingsTest {
    private static Path input(String method, String name) throws URISyntaxException {
        return Path.of(HeaderReaderFuzzFindingsTest.class.getResource("HeaderReaderFuzzTestInputs/" + method + "/" + name).toURI());
    }

    @Test
    void topLevelElementClaimingMoreThanTheFileIsRefused() throws Exception {
        // 1.1 KB file, an OB element claiming 1.8 GB: 1.9 GB RSS with -Xmx4g
        Path f = input("pixelMedPath", "claims-1.8gb-top-level.dcm");
        assertThatThrownBy(() -> HeaderReader.read(f)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("element (0009,1010) at byte 328 declares 1879048192 bytes");
    }

    @Test
    void elementInsideASequenceItemClaimingMoreThanTheFileIsRefused() throws Exception {
        // 504-byte data set without meta header; an element in a Referenced Image Sequence item claims 1.6 GB
        Path f = input("pixelMedPath", "claims-1.6gb-in-sequence-item.dcm");
        assertThatThrownBy(() -> HeaderReader.read(f)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("element (772F,726F) at byte 238 declares 1634348907 bytes");
    }
}
