package org.parsreader.reformat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up samples a linear function on a sheared grid: what it returns is its error, exact up to float rounding. */
class ReformatWarmUpTest {
    @Test
    void theWarmUpPlanesReproduceTheLinearVolumeExactly() {
        // values up to about 1024 + 3*47 + 5*47 + 11*19 - 1024 = 585 HU: float rounding is below 1e-3
        assertThat(ReformatWarmUp.run()).isLessThan(1e-3);
    }
}
