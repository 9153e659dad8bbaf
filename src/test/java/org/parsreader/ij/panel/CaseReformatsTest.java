package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parsreader.volume.Volume;

/** The Sag MPR viewer prepared when a case opens, headless (no window): the viewer a click would make, taken once, for its CT only. */
class CaseReformatsTest {
    @Test
    void thePreparedViewerIsTheSagittalViewerOfThatCtWithItsPlaneAlreadyComputed() {
        Volume ct = ReformatViewerTest.ramp();
        CaseReformats parts = new CaseReformats();
        parts.prepareSagittal(ct);
        ReformatViewer prepared = parts.takeSagittal(ct);
        ReformatViewer fresh = ReformatViewer.sagittal(ct);

        assertThat(prepared).isNotNull().isNotSameAs(fresh);
        assertThat(prepared.volume()).isSameAs(ct);
        assertThat(prepared.image().getTitle()).isEqualTo(fresh.image().getTitle()).isEqualTo("CT sag reformat");
        assertThat(prepared.image().getCurrentSlice()).isEqualTo(fresh.image().getCurrentSlice());
        assertThat(prepared.image().getStackSize()).isEqualTo(fresh.image().getStackSize());
        assertThat(prepared.image().getDisplayRangeMin()).isEqualTo(fresh.image().getDisplayRangeMin());
        assertThat(prepared.image().getDisplayRangeMax()).isEqualTo(fresh.image().getDisplayRangeMax());
        assertThat((float[]) prepared.image().getProcessor().getPixels()).containsExactly((float[]) fresh.image().getProcessor().getPixels());
        assertThat(prepared.planesComputed).isEqualTo(1); // computed before the click; showing it computes nothing more
        assertThat(prepared.image().getImage()).isNotNull();
    }

    @Test
    void itIsTakenOnceAndOnlyForItsOwnCt() {
        Volume ct = ReformatViewerTest.ramp(), other = ReformatViewerTest.ramp();
        CaseReformats parts = new CaseReformats();
        assertThat(parts.takeSagittal(ct)).isNull(); // nothing prepared: the click makes one as before
        parts.prepareSagittal(ct);
        assertThat(parts.takeSagittal(other)).isNull();
        assertThat(parts.takeSagittal(ct)).isNotNull();
        assertThat(parts.takeSagittal(ct)).isNull(); // a second Sag MPR is a new viewer, not the one shown already
    }

    @Test
    void closingTheCaseDropsIt() {
        Volume ct = ReformatViewerTest.ramp();
        CaseReformats parts = new CaseReformats();
        parts.prepareSagittal(ct);
        parts.close();
        assertThat(parts.takeSagittal(ct)).isNull();
    }
}
