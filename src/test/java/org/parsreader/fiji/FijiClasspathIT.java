package org.parsreader.fiji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 5: the plugin jar beside Fiji's jars. imglib2 is Fiji's (scope provided, never
 * bundled), so the plugin's imglib2 code must run on the imglib2 that Fiji ships
 * ({@code fiji.imglib2.version} in pom.xml, copied from Maven Central into target/fiji-jars), and
 * the jar must hold no unrelocated class of a library Fiji ships. Needs the packaged jar.
 */
class FijiClasspathIT {
    static final Path JAR = Path.of(System.getProperty("pars.pluginJar", "target/Pars_Reader-0.1.0.jar")).toAbsolutePath();
    static final Path FIJI_IMGLIB2 = Path.of(System.getProperty("pars.fijiImglib2", "target/fiji-jars/imglib2.jar")).toAbsolutePath();

    /**
     * Class packages a library that Fiji ships would bring (pom-scijava 45, Fiji's parent: ij
     * 1.54p, imglib2 8.0.0, Jackson 2.19.2, picocli 4.7.7): none may sit in our jar unrelocated.
     */
    static final List<String> FIJI_LIBRARIES = List.of("ij/", "net/imglib2/", "com/fasterxml/", "picocli/", "org/scijava/", "net/imagej/");
    /** What the jar may carry unrelocated: our code and libraries Fiji does not ship. */
    static final List<String> ALLOWED = List.of(
            "org/parsreader/",          // ours; bundled Jackson and picocli under org/parsreader/shaded/
            "com/pixelmed/", "apple/dts/samplecode/", // PixelMed (Debian libpixelmed-java), not in Fiji
            "com/github/jaiimageio/", "jj2000/");      // jai-imageio-core/-jpeg2000 1.4.0; Fiji's JAI is scifio-jai-imageio (io/scif/...)

    @Test
    void thePluginRunsOnTheImglib2FijiShips() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "needs the packaged jar (mvn package)");
        assertThat(FIJI_IMGLIB2).as("Fiji's imglib2, copied by the build").isRegularFile();
        Path probeClasses = Path.of(FijiImglib2Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // Fiji's class path in miniature: the plugin jar, Fiji's imglib2, and (after them, for the
        // probe class only) the test classes; the platform loader as parent, so nothing of the
        // test class path (our own imglib2 7.x) is visible
        URL[] urls = {JAR.toUri().toURL(), FIJI_IMGLIB2.toUri().toURL(), probeClasses.toUri().toURL()};
        try (URLClassLoader fiji = new URLClassLoader("fiji", urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = fiji.loadClass(FijiImglib2Probe.class.getName());
            assertThat(probe.getClassLoader()).isSameAs(fiji);
            assertThat(fiji.loadClass("org.parsreader.volume.Imglib2Views").getProtectionDomain().getCodeSource().getLocation().toURI())
                    .isEqualTo(JAR.toUri());
            String got = (String) probe.getMethod("run", String.class, String.class)
                    .invoke(null, Path.of("sample-data/case-001").toAbsolutePath().toString(), "2.25.144238974742240537401837040969335971267");
            assertThat(got.split(";")).containsExactly(
                    "imglib2=" + FIJI_IMGLIB2,
                    "dims=160x160x21",
                    "sumMatches=true",
                    "writeSeen=4321",
                    "versionExit=0");
        }
    }

    @Test
    void theJarHoldsNoUnrelocatedClassOfALibraryFijiShips() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "needs the packaged jar (mvn package)");
        Set<String> fromFiji = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        try (ZipFile z = new ZipFile(JAR.toFile())) {
            for (String n : z.stream().map(ZipEntry::getName).toList()) {
                if (!n.endsWith(".class")) continue;
                // a multi-release jar's versioned classes count as their base names
                String base = n.startsWith("META-INF/versions/") ? n.replaceFirst("^META-INF/versions/\\d+/", "") : n;
                if (FIJI_LIBRARIES.stream().anyMatch(base::startsWith)) fromFiji.add(n);
                else if (ALLOWED.stream().noneMatch(base::startsWith)) unknown.add(n);
            }
        }
        assertThat(fromFiji).as("classes of a library Fiji ships, unrelocated").isEmpty();
        assertThat(unknown).as("classes of a library not yet checked against Fiji (add it to ALLOWED or relocate it)").isEmpty();
    }
}
