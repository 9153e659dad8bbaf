package org.parsreader.ij;

import ij.IJ;
import ij.ImageJ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A real ImageJ for *IT tests, with the packaged plugin jar in its plugins folder, as a user
 * installs it. One ImageJ per JVM: started by the first test class that needs it.
 */
public final class RealImageJ {
    private RealImageJ() {}

    /**
     * Starts ImageJ with the plugin jar unless one is showing (an earlier test class may have
     * disposed its own); returns the started one (to dispose), or null.
     */
    public static ImageJ start(Path tmp) throws Exception {
        if (IJ.getInstance() != null && IJ.getInstance().isShowing()) return null;
        Path plugins = tmp.resolve("imagej/plugins");
        Files.createDirectories(plugins);
        Path jar = Path.of(System.getProperty("pars.pluginJar", "target/Pars_Reader-0.1.0.jar"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        System.setProperty("plugins.dir", plugins.getParent().toString());
        ImageJ started = new ImageJ();
        for (int i = 0; i < 100 && !started.isShowing(); i++) Thread.sleep(50);
        return started;
    }
}
