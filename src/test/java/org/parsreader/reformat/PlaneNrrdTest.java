package org.parsreader.reformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/** The NRRD's origin and directions put every sample at the patient point it was taken at. */
class PlaneNrrdTest {
    record Parsed(Map<String, String> fields, int dataOffset) {}

    static Parsed parse(byte[] b) {
        String text = new String(b, StandardCharsets.US_ASCII);
        int end = text.indexOf("\n\n");
        Map<String, String> f = new HashMap<>();
        for (String line : text.substring(0, end).split("\n")) {
            int c = line.indexOf(": ");
            if (!line.startsWith("#") && c > 0) f.put(line.substring(0, c), line.substring(c + 2));
        }
        return new Parsed(f, end + 2);
    }

    static double[][] vectors(String s) {
        Matcher m = Pattern.compile("\\(([^,]+),([^,]+),([^)]+)\\)").matcher(s);
        java.util.List<double[]> out = new java.util.ArrayList<>();
        while (m.find()) out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        return out.toArray(double[][]::new);
    }

    @Test
    void theHeaderMapsEveryPixelOfAStackToThePointItWasSampledAt() throws Exception {
        double t = Math.toRadians(25);
        VoxelGeometry g = new VoxelGeometry(new double[] {-3, -4, 10}, new double[] {0.6, 0, 0},
                new double[] {0, 0.7 * Math.cos(t), -0.7 * Math.sin(t)}, new double[] {0, 0, 2.5});
        Volume v = ReformatterTest.floatVolume(12, 10, 8, g, p -> 3 * p[0] - 2 * p[1] + 5 * p[2] + 7);
        Reformatter r = new Reformatter(v);
        Plane first = Plane.oblique(v, Plane.centre(v), new double[] {0.3, 1, 0.7}, null, 0.4).shifted(-1.2);
        float[][] planes = r.stack(first, 3, 1.2, 0, Reformatter.Mode.MIP);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlaneNrrd.write(first, planes, 1.2, v.unit(), "test", out);
        byte[] bytes = out.toByteArray();
        Parsed p = parse(bytes);
        assertThat(p.fields()).containsEntry("type", "float").containsEntry("dimension", "3").containsEntry("space", "left-posterior-superior")
                .containsEntry("encoding", "raw").containsEntry("endian", "little")
                .containsEntry("sizes", first.width() + " " + first.height() + " 3");
        double[] o = vectors(p.fields().get("space origin"))[0];
        double[][] d = vectors(p.fields().get("space directions"));
        assertThat(d).hasDimensions(3, 3);
        ByteBuffer data = ByteBuffer.wrap(bytes, p.dataOffset(), bytes.length - p.dataOffset()).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.remaining()).isEqualTo(4 * 3 * first.width() * first.height());
        int checked = 0;
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < first.height(); j += 3) {
                for (int i = 0; i < first.width(); i += 3) {
                    double[] x = new double[3];
                    for (int a = 0; a < 3; a++) x[a] = o[a] + i * d[0][a] + j * d[1][a] + s * d[2][a];
                    assertThat(x).containsExactly(first.shifted(s * 1.2).point(i, j), within(1e-4));
                    float stored = data.getFloat(4 * ((s * first.height() + j) * first.width() + i));
                    double truth = r.valueAt(x);
                    if (Double.isNaN(truth)) continue;
                    assertThat((double) stored).isCloseTo(truth, within(5e-3));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void onePlaneIsATwoDimensionalNrrdInThreeDimensionalSpace() throws Exception {
        Volume v = ReformatterTest.shortRamp(7, 6, 5);
        Plane sag = Plane.preset(v, Plane.Orientation.SAGITTAL, null, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlaneNrrd.write(sag, new float[][] {new Reformatter(v).sample(sag)}, 1, "HU", "sagittal", out);
        Parsed p = parse(out.toByteArray());
        assertThat(p.fields()).containsEntry("dimension", "2").containsEntry("sizes", sag.width() + " " + sag.height())
                .containsEntry("space directions", "(0.000000,0.500000,0.000000) (0.000000,0.000000,-0.500000)")
                .containsEntry("kinds", "domain domain");
        assertThat(vectors(p.fields().get("space origin"))[0]).containsExactly(sag.origin(), within(1e-6));
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).contains("# Pars Reader reformat, calibrated values in HU");
    }
}
