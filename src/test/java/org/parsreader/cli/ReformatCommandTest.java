package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reformat} on the sample case's post-contrast CT (160 x 160 x 21, 0.875 x 0.875 x 2 mm). */
class ReformatCommandTest {
    static final String POST = "2.25.144238974742240537401837040969335971267";

    static String header(Path f) throws Exception {
        String s = new String(Files.readAllBytes(f), StandardCharsets.US_ASCII);
        return s.substring(0, s.indexOf("\n\n"));
    }

    @Test
    void writesASagittalPlaneAndAnObliqueMipStackAsNrrd(@TempDir Path tmp) throws Exception {
        Path sag = tmp.resolve("sag.nrrd");
        CommandLineTest.Run r = CommandLineTest.run("reformat", CommandLineTest.SAMPLE.toString(), "--series", POST, "--plane", "sagittal", "--out", sag.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Plane:     160 x 46 pixels of 0.8750 mm").contains("Values:    HU").contains("Wrote:");
        // 159 x 0.875 mm posterior and 40 mm craniocaudal at 0.875 mm pixels: 160 x 46
        assertThat(header(sag)).contains("sizes: 160 46").contains("space: left-posterior-superior").contains("type: float");
        assertThat(Files.size(sag)).isEqualTo(header(sag).length() + 2 + 4L * 160 * 46);

        Path obl = tmp.resolve("out/obl.nrrd");
        r = CommandLineTest.run("reformat", CommandLineTest.SAMPLE.toString(), "--series", POST, "--origin", "-3.5,43,-490", "--normal", "1,0,0.2",
                "--slab", "10", "--mode", "mip", "--planes", "3", "--spacing", "2", "--out", obl.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(header(obl)).contains("dimension: 3").contains("MIP slab of 10 mm");
    }

    @Test
    void badInputNamesTheOptionAndItsValue(@TempDir Path tmp) {
        String out = tmp.resolve("x.nrrd").toString();
        String sample = CommandLineTest.SAMPLE.toString();
        CommandLineTest.Run r = CommandLineTest.run("reformat", sample, "--series", POST, "--origin", "0,0,0", "--normal", "0,0,0", "--out", out);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--normal 0,0,0: a normal of zero length");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--plane", "axial", "--slab", "500", "--out", out);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--slab 500: slab 500 mm is thicker than the volume along the plane's normal (42 mm)");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--plane", "axial", "--origin", "0,0,9000", "--out", out);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--plane axial --origin 0,0,9000: the plane lies outside the volume");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--plane", "oblique", "--out", out);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--plane 'oblique' must be axial, sagittal or coronal");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--origin", "1,2", "--normal", "0,0,1", "--out", out);
        assertThat(r.err()).contains("--origin '1,2' must be three numbers x,y,z in patient mm");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--origin", "0,0,0", "--normal", "0,0,1", "--up", "0,0,-2", "--out", out);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--normal 0,0,1 --up 0,0,-2: up (0,0,-2) is parallel to the normal (0,0,1)");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--normal", "0,0,1", "--out", out);
        assertThat(r.err()).contains("--normal 0,0,1 needs --origin");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--plane", "axial", "--pixel", "0.01", "--out", out);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--plane axial --pixel 0.01: a 13913 x 13913 plane at 0.01 mm pixels is too large (more than 64 M pixels)");
        r = CommandLineTest.run("reformat", sample, "--series", POST, "--plane", "axial", "--planes", "4096", "--pixel", "0.1", "--out", out);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--planes 4096: 4096 planes of 1392 x 1392 pixels need");
        assertThat(Files.exists(tmp.resolve("x.nrrd"))).isFalse();
    }

    @Test
    void aStackWithoutPositionIsRefusedNamingTheSeries(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nopos");
        java.nio.file.Files.createDirectories(dir);
        org.parsreader.dicom.TestDicomAccess.writeCtWithoutPosition(dir, 3);
        CommandLineTest.Run r = CommandLineTest.run("reformat", dir.toString(), "--plane", "axial", "--out", tmp.resolve("x.nrrd").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--series 1.2.826.0.1.3680043.9.7133.6").contains("no ImagePositionPatient / ImageOrientationPatient");
        assertThat(Files.exists(tmp.resolve("x.nrrd"))).isFalse();
    }
}
