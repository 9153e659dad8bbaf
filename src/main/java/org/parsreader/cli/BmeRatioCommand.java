package org.parsreader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.quant.BmeRatio;
import org.parsreader.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bme-ratio PATH --series UID --bme POLYGON --ref POLYGON --ref-type TYPE}: the edema signal ratio on a fluid-sensitive MR series. */
@Command(name = "bme-ratio", description = "Bone-marrow edema on STIR / fat-saturated T2 from two polygon ROIs (vertices in patient mm, DICOM LPS, "
        + "all in one slice): the ROI means and areas, the contrast ratio (SI_bme - SI_ref) / (SI_bme + SI_ref) and the simple ratio SI_bme / SI_ref.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader bme-ratio sample-data/case-001 --series 5 \\",
            "      --ref-type normal_marrow \\",
            "      --bme \"21.5,1,-54;21.5,7,-54;21.5,7,-48;21.5,1,-48\" \\",
            "      --ref \"-18.5,1,-54;-18.5,7,-54;-18.5,7,-48;-18.5,1,-48\""})
final class BmeRatioCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "case folder, or its DICOMDIR file")
    Path path;

    @Option(names = "--series", required = true, paramLabel = "UID", description = "the MR stack (id, SeriesInstanceUID or SeriesNumber)")
    String series;

    @Option(names = "--bme", required = true, paramLabel = "x,y,z;x,y,z;...", description = "edema polygon, 3 or more vertices in patient mm")
    String bme;

    @Option(names = "--ref", required = true, paramLabel = "x,y,z;x,y,z;...", description = "reference polygon, 3 or more vertices in patient mm")
    String ref;

    @Option(names = "--ref-type", required = true, paramLabel = "TYPE", description = "what the reference ROI holds: cord, csf or normal_marrow")
    String refType;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        if (!BmeRatio.REFERENCE_TYPES.contains(refType)) {
            throw new IllegalArgumentException("--ref-type '" + refType + "' is not one of " + BmeRatio.REFERENCE_TYPES);
        }
        Volume mr = VolumeLoader.load(VolumeStatsCommand.choose(StudyScanner.scan(path), series));
        BmeRatio r = BmeRatio.of(mr, polygon("bme", "--bme", bme, mr), polygon("ref", "--ref", ref, mr), refType);
        if (json) {
            System.out.println(Json.write(toMap(r, mr)));
        } else {
            System.out.printf(Locale.ROOT, "BME ratio on %s (reference: %s):%n", mr.name(), refType);
            print("bme", r.bme());
            print("reference", r.reference());
            System.out.printf(Locale.ROOT, "  contrast ratio  %.3f  (SI_bme - SI_ref) / (SI_bme + SI_ref)%n", r.contrastRatio());
            System.out.printf(Locale.ROOT, "  simple ratio    %.3f  SI_bme / SI_ref%n", r.simpleRatio());
            for (String w : mr.warnings()) System.out.println("  warning: " + w);
        }
        return 0;
    }

    private static void print(String name, RoiGeometry.RegionStats s) {
        System.out.printf(Locale.ROOT, "  %-10s mean %.1f, area %.1f mm2 (%d voxels, slice %d)%n", name, s.mean(), s.areaMm2(), s.voxels(), s.slice() + 1);
    }

    static Map<String, Object> toMap(BmeRatio r, Volume mr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series_uid", mr.seriesInstanceUid());
        m.put("warnings", mr.warnings());
        m.put("reference_type", r.referenceType());
        m.put("bme_mean", r.bme().mean());
        m.put("bme_area_mm2", r.bme().areaMm2());
        m.put("bme_voxels", r.bme().voxels());
        m.put("bme_slice", r.bme().slice() + 1);
        m.put("ref_mean", r.reference().mean());
        m.put("ref_area_mm2", r.reference().areaMm2());
        m.put("ref_voxels", r.reference().voxels());
        m.put("ref_slice", r.reference().slice() + 1);
        m.put("contrast_ratio", Json.num(r.contrastRatio()));
        m.put("simple_ratio", Json.num(r.simpleRatio()));
        return m;
    }

    /** "x,y,z;x,y,z;..." as a polygon ROI on {@code mr}. */
    static FindingsDocument.Roi polygon(String id, String option, String text, Volume mr) {
        List<double[]> pts = new ArrayList<>();
        for (String vertex : text.split(";")) {
            if (!vertex.isBlank()) pts.add(QuantifyContrastCommand.point(option, vertex));
        }
        if (pts.size() < 3) throw new IllegalArgumentException(option + " has " + pts.size() + " vertices; a polygon needs 3 or more x,y,z separated by ';'");
        return new FindingsDocument.Roi(id, FindingsDocument.RoiType.POLYGON, null, null, null, pts, mr.frameOfReferenceUid(),
                mr.seriesInstanceUid(), List.of(), null, null);
    }
}
