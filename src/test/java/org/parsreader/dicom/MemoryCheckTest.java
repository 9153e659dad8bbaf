package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap a volume's slices take in G1, where an array of half a region or more takes whole regions. */
class MemoryCheckTest {
    static final long MB = 1 << 20;

    @Test
    void aSliceOfHalfARegionOrMoreTakesWholeRegions() {
        // 512 x 512 16-bit slices with 1 MB regions (G1 on heaps up to 2 GB): twice their size
        assertThat(MemoryCheck.heapBytes(512 * 512 * 2, 400, MB)).isEqualTo(400 * MB);
        // with 4 MB regions they are ordinary objects
        assertThat(MemoryCheck.heapBytes(512 * 512 * 2, 400, 4 * MB)).isEqualTo((512 * 512 * 2 + 16) * 400L);
        // a 1024 x 1024 16-bit slice just over 2 MB takes 3 regions of 1 MB
        assertThat(MemoryCheck.heapBytes(1024 * 1024 * 2, 10, MB)).isEqualTo(30 * MB);
        // not G1: no rounding
        assertThat(MemoryCheck.heapBytes(512 * 512 * 2, 1, 0)).isEqualTo(512 * 512 * 2 + 16);
    }

    @Test
    void theRegionSizeIsReadFromThisJvm() {
        long r = MemoryCheck.regionSize();
        assertThat(r == 0 || Long.bitCount(r) == 1).as("0 or a power of two: " + r).isTrue();
    }
}
