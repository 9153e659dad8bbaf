package org.parsreader.quant;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * How much of a contrast region lies in each compartment a reader marked: ROIs of finding
 * {@code contrast_compartments} whose {@code label} names the compartment (a polygon on one
 * slice of the post-contrast CT, or a mask3d on any grid of its frame of reference). A
 * contrast voxel counts for a compartment when its centre lies inside one of the
 * compartment's ROIs (even-odd rule for polygons; for a mask, the mask voxel nearest to it).
 * A compartment is reached when at least one voxel overlaps; marked compartments with no
 * overlap are listed as not reached. Several ROIs with one label are one compartment (a
 * voxel in two of them counts once).
 *
 * <pre>{@code
 * CompartmentOverlap o = CompartmentOverlap.of(result, post, doc.rois());
 * o.reached();   // ["pars_defect", "caudal_facet"]
 * }</pre>
 */
public record CompartmentOverlap(List<Compartment> compartments) {
    /** The finding whose ROIs outline compartments. */
    public static final String FINDING = "contrast_compartments";

    /** One marked compartment: the ROIs that outline it and the contrast inside them. */
    public record Compartment(String label, List<String> roiIds, int overlapVoxels, double overlapMl) {
        public boolean reached() {
            return overlapVoxels > 0;
        }
    }

    public CompartmentOverlap {
        compartments = List.copyOf(compartments);
    }

    /**
     * @param rois any ROIs: those of finding {@code contrast_compartments} are used (each must
     *             carry a label), the others are ignored, so a whole findings document may be passed
     */
    public static CompartmentOverlap of(ContrastResult r, Volume post, List<Roi> rois) {
        RegionMask region = r.mask();
        if (region.width() != post.width() || region.height() != post.height() || region.depth() != post.depth()) {
            throw new QuantException("the contrast region was not segmented on " + post.name() + " (grid " + region.width() + "x"
                    + region.height() + "x" + region.depth() + ")");
        }
        Map<String, List<Shape>> byLabel = new LinkedHashMap<>();
        for (Roi roi : rois) {
            if (!FINDING.equals(roi.finding())) continue;
            if (roi.label() == null || roi.label().isBlank()) {
                throw new QuantException("ROI " + roi.id() + " of " + FINDING + " has no label: it must name its compartment (e.g. pars_defect)");
            }
            byLabel.computeIfAbsent(roi.label(), l -> new ArrayList<>()).add(shape(roi, post));
        }
        double voxelMl = post.geometry().voxelVolumeMm3() / 1000;
        List<Compartment> out = new ArrayList<>();
        for (Map.Entry<String, List<Shape>> e : byLabel.entrySet()) {
            int n = 0;
            for (int k = 0; k < region.depth(); k++) {
                if (!region.touches(k)) continue;
                for (int j = 0; j < region.height(); j++) {
                    for (int i = 0; i < region.width(); i++) {
                        if (!region.contains(i, j, k)) continue;
                        for (Shape s : e.getValue()) {
                            if (s.contains(i, j, k)) {
                                n++;
                                break;
                            }
                        }
                    }
                }
            }
            out.add(new Compartment(e.getKey(), e.getValue().stream().map(Shape::roiId).toList(), n, n * voxelMl));
        }
        return new CompartmentOverlap(out);
    }

    /** Labels of the compartments contrast reached, in the order they were marked. */
    public List<String> reached() {
        return compartments.stream().filter(Compartment::reached).map(Compartment::label).toList();
    }

    /** Labels of the marked compartments contrast did not reach. */
    public List<String> notReached() {
        return compartments.stream().filter(c -> !c.reached()).map(Compartment::label).toList();
    }

    /** Overlap per compartment as provenance text: {@code overlap_ml.caudal_facet = 0.3276}, and the voxel counts. */
    public Map<String, String> asParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Compartment c : compartments) {
            m.put("overlap_ml." + c.label(), String.format(Locale.ROOT, "%.4f", c.overlapMl()));
            m.put("overlap_voxels." + c.label(), Integer.toString(c.overlapVoxels()));
        }
        return m;
    }

    /** An ROI rasterised against the post-contrast grid: does voxel (i, j, k) of it lie inside? */
    private interface Shape {
        String roiId();

        boolean contains(int i, int j, int k);
    }

    private static Shape shape(Roi roi, Volume post) {
        return switch (roi.type()) {
            case POLYGON -> polygon(roi, post);
            case MASK3D -> mask(roi, post);
            default -> throw new QuantException("ROI " + roi.id() + " of " + FINDING + " is a " + roi.type().label()
                    + "; a compartment is outlined by a polygon or a mask3d");
        };
    }

    private static Shape polygon(Roi roi, Volume post) {
        List<double[]> ijk = RoiGeometry.toVoxels(roi, post);
        if (ijk.size() < 3) throw new QuantException("polygon ROI " + roi.id() + " has " + ijk.size() + " points; expected 3 or more");
        double k0 = ijk.get(0)[2];
        for (double[] p : ijk) {
            if (Math.abs(p[2] - k0) > 0.25) {
                throw new QuantException(String.format(Locale.ROOT, "polygon ROI %s does not lie in one slice of %s (slices %.2f and %.2f): "
                        + "draw it on the post-contrast CT, or give the compartment as a mask3d", roi.id(), post.name(), k0 + 1, p[2] + 1));
            }
        }
        int slice = (int) Math.round(k0);
        double[] xs = new double[ijk.size()];
        double[] ys = new double[ijk.size()];
        for (int a = 0; a < xs.length; a++) {
            xs[a] = ijk.get(a)[0];
            ys[a] = ijk.get(a)[1];
        }
        String id = roi.id();
        return new Shape() {
            @Override public String roiId() { return id; }

            @Override
            public boolean contains(int i, int j, int k) {
                if (k != slice) return false;
                boolean in = false;
                for (int a = 0, b = xs.length - 1; a < xs.length; b = a++) {
                    if ((ys[a] > j) != (ys[b] > j) && i < xs[a] + (j - ys[a]) * (xs[b] - xs[a]) / (ys[b] - ys[a])) in = !in;
                }
                return in;
            }
        };
    }

    private static Shape mask(Roi roi, Volume post) {
        FindingsDocument.Mask m = roi.mask();
        if (m == null || m.dims() == null || m.dims().length != 3 || m.runs() == null) {
            throw new QuantException("mask3d ROI " + roi.id() + " has no usable mask");
        }
        String a = roi.frameOfReferenceUid();
        if (a != null && !a.isEmpty() && !post.frameOfReferenceUid().isEmpty() && !a.equals(post.frameOfReferenceUid())) {
            throw new QuantException("mask3d ROI " + roi.id() + " is in frame of reference " + a + ", " + post.name() + " in "
                    + post.frameOfReferenceUid() + ": mark the compartment again on this series");
        }
        int nx = m.dims()[0], ny = m.dims()[1], nz = m.dims()[2];
        BitSet bits = new BitSet();
        long pos = 0;
        boolean inside = false;
        for (int run : m.runs()) {
            if (inside) bits.set((int) pos, (int) (pos + run));
            pos += run;
            inside = !inside;
        }
        if (pos != (long) nx * ny * nz) throw new QuantException("mask3d ROI " + roi.id() + ": run lengths add up to " + pos + ", the grid has " + (long) nx * ny * nz);
        VoxelGeometry mg = new VoxelGeometry(m.origin(), m.columnStep(), m.rowStep(), m.sliceStep());
        VoxelGeometry pg = post.geometry();
        String id = roi.id();
        return new Shape() {
            @Override public String roiId() { return id; }

            @Override
            public boolean contains(int i, int j, int k) {
                double[] x = pg.toPatient(i, j, k);
                double[] v = mg.toVoxel(x[0], x[1], x[2]);
                int mi = (int) Math.round(v[0]), mj = (int) Math.round(v[1]), mk = (int) Math.round(v[2]);
                if (mi < 0 || mj < 0 || mk < 0 || mi >= nx || mj >= ny || mk >= nz) return false;
                return bits.get((mk * ny + mj) * nx + mi);
            }
        };
    }
}
