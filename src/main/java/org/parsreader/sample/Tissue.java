package org.parsreader.sample;

/**
 * Materials of the phantom with their CT number (HU at 120 kVp) and MR signal (arbitrary
 * units) on T1 SE, T2 TSE (no fat suppression) and STIR. Edema is marrow with a high water
 * content: bright on STIR, intermediate on T2 (fatty marrow is itself bright on TSE T2), low
 * on T1.
 */
public enum Tissue {
    AIR(-1000, 0, 0, 0),
    FAT(-100, 950, 650, 40),
    EPIDURAL_FAT(-90, 900, 600, 40),
    MUSCLE(50, 380, 220, 180),
    VISCERA(35, 450, 380, 300),
    DISC(80, 380, 750, 600),
    CSF(10, 180, 1400, 1300),
    CORD(35, 450, 520, 380),
    CORTICAL_BONE(1100, 40, 40, 40),
    CANCELLOUS_BONE(250, 700, 480, 110),
    /** Cancellous bone with bone-marrow edema (left L5 pedicle/pars). */
    EDEMA_MARROW(240, 380, 560, 900),
    /** Facet joint space (synovial fluid, cartilage). */
    JOINT_SPACE(40, 250, 1000, 1000),
    /** Fibrous tissue filling a pars defect (before contrast). */
    DEFECT_TISSUE(50, 300, 420, 480),
    /** Steel needle; true attenuation far above the 12-bit range, written clipped to 3071 HU. */
    NEEDLE(12000, 0, 0, 0),
    /** Diluted iodinated contrast (about 56 mg I/mL, ~25 HU per mg I/mL at 120 kVp). */
    CONTRAST(1400, 0, 0, 0);

    public final int hu;
    public final int t1;
    public final int t2;
    public final int stir;

    Tissue(int hu, int t1, int t2, int stir) {
        this.hu = hu;
        this.t1 = t1;
        this.t2 = t2;
        this.stir = stir;
    }

    public boolean isBone() {
        return this == CORTICAL_BONE || this == CANCELLOUS_BONE || this == EDEMA_MARROW;
    }
}
