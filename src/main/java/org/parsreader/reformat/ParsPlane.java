package org.parsreader.reformat;

import java.util.Locale;
import org.parsreader.volume.Volume;

/**
 * The oblique sagittal plane through a pars interarticularis (the CT "Scottie dog" plane), as a
 * point it passes through and its unit normal, tilted and shifted by the reader.
 *
 * <p>What is assumed (hand-written: no library knows the anatomy): the pars runs roughly
 * cranio-caudally and antero-posteriorly from the pedicle to the lamina, so the plane that shows it
 * whole contains the cranio-caudal axis (patient z) and the pars' own direction. With a line along
 * the pars (the reader's gap-width line, drawn across the defect along the pars), the normal is
 * {@code z x d} for the line's direction d, i.e. patient x turned about z until the plane contains
 * the line's horizontal part; a line within 10 degrees of cranio-caudal (no horizontal part worth
 * trusting) or no line at all gives the pure sagittal plane. The normal always points to the
 * patient's right, as the sagittal preset's does, so the image is seen from the left with anterior
 * at the left and superior up. Tilting turns the normal about the cranio-caudal axis (left/right)
 * or about the plane's horizontal row direction (up/down), always about the pars point, which
 * stays in the plane; shifting moves the point along the normal.
 */
public record ParsPlane(double[] through, double[] normal) {
    private static final double[] Z = {0, 0, 1};
    /** A line steeper than this (sine of its horizontal part, 10 degrees) does not say where the pars points. */
    static final double MIN_HORIZONTAL = Math.sin(Math.toRadians(10));

    public ParsPlane {
        through = through.clone();
        double len = Vec.norm(normal);
        if (!(len > 1e-9)) throw new IllegalArgumentException("pars plane normal " + Vec.str(normal) + " has zero length");
        normal = Vec.scale(normal, (normal[0] > 0 ? -1 : 1) / len);
    }

    /**
     * The plane through {@code pars} (patient mm); with a line {@code a}-{@code b} along the pars
     * (null: none), turned to contain it and the cranio-caudal axis.
     */
    public static ParsPlane through(double[] pars, double[] a, double[] b) {
        if (a != null && b != null) {
            double[] d = Vec.sub(b, a);
            double len = Vec.norm(d);
            if (len > 1e-9 && Math.hypot(d[0], d[1]) / len >= MIN_HORIZONTAL) return new ParsPlane(pars, Vec.cross(Z, d));
        }
        return new ParsPlane(pars, new double[] {-1, 0, 0});
    }

    /** The same plane moved by {@code mm} along its normal (towards the patient's right for mm &gt; 0). */
    public ParsPlane shifted(double mm) {
        return new ParsPlane(new double[] {through[0] + mm * normal[0], through[1] + mm * normal[1], through[2] + mm * normal[2]}, normal);
    }

    /** Turned about the cranio-caudal axis by {@code degrees} (positive: counter-clockwise seen from above). */
    public ParsPlane turned(double degrees) {
        return new ParsPlane(through, rotate(normal, Z, Math.toRadians(degrees)));
    }

    /** Tilted about the plane's horizontal in-plane direction by {@code degrees} (the cranio-caudal tilt). */
    public ParsPlane tilted(double degrees) {
        double[] axis = Vec.cross(Z, normal);
        if (Vec.norm(axis) < 1e-9) return this;
        return new ParsPlane(through, rotate(normal, Vec.normalize(axis), Math.toRadians(degrees)));
    }

    /** The plane, covering {@code v}'s projection, superior up, at {@code pixelSize} mm (0: the volume's smallest spacing). */
    public Plane plane(Volume v, double pixelSize) {
        return Plane.oblique(v, through, normal, Z, pixelSize);
    }

    /** Signed distance (mm) of a patient point from the plane. */
    public double distance(double[] p) {
        return Vec.dot(Vec.sub(p, through), normal);
    }

    /** Angle (degrees) between the normal and the patient's left-right axis. */
    public double obliquityDegrees() {
        return Math.toDegrees(Math.acos(Math.min(1, Math.abs(normal[0]))));
    }

    /** Rodrigues' rotation of unit-length {@code v} about unit {@code k}. */
    private static double[] rotate(double[] v, double[] k, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        double[] kxv = Vec.cross(k, v);
        double kv = Vec.dot(k, v);
        double[] r = new double[3];
        for (int a = 0; a < 3; a++) r[a] = v[a] * c + kxv[a] * s + k[a] * kv * (1 - c);
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "pars plane through %s mm, normal %s (%.0f deg from sagittal)", Vec.str(through), Vec.str(normal), obliquityDegrees());
    }
}
