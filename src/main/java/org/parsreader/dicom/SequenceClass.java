package org.parsreader.dicom;

/** What an MR series shows, as a reader of the lumbar spine names it. */
public enum SequenceClass {
    T1("T1"), T2("T2"), PD("PD"), STIR("STIR"), T2_FS("T2 fat-sat"), FLAIR("FLAIR"), OTHER("other"),
    /** Not MR. */
    NOT_MR("-");

    private final String label;

    SequenceClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Fluid-sensitive with fat suppression: the series on which bone-marrow edema is read. */
    public boolean showsEdema() {
        return this == STIR || this == T2_FS;
    }
}
