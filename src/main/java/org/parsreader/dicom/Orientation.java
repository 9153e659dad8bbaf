package org.parsreader.dicom;

/** Anatomical plane of a stack, from the normal of ImageOrientationPatient. */
public enum Orientation {
    AXIAL, SAGITTAL, CORONAL, OBLIQUE, UNKNOWN;

    /** Normals within about 37 degrees of an axis name that plane; others are oblique. */
    private static final double PLANE_COSINE = 0.8;

    public static Orientation of(double[] normal) {
        if (normal == null) return UNKNOWN;
        double x = Math.abs(normal[0]);
        double y = Math.abs(normal[1]);
        double z = Math.abs(normal[2]);
        if (x >= y && x >= z) return x >= PLANE_COSINE ? SAGITTAL : OBLIQUE;
        if (y >= x && y >= z) return y >= PLANE_COSINE ? CORONAL : OBLIQUE;
        return z >= PLANE_COSINE ? AXIAL : OBLIQUE;
    }

    public String label() {
        return name().toLowerCase();
    }
}
