package org.parsreader.fiji;

import java.nio.file.Path;
import net.imglib2.Cursor;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.parsreader.cli.Main;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.volume.Imglib2Views;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;

/**
 * Runs inside {@link FijiClasspathIT}'s class loader (the packaged plugin jar beside the imglib2
 * that Fiji ships, nothing from the test class path): loads a stack of the sample, views it as an
 * imglib2 image, writes through the view, and runs a command. Returns what it saw, for the test to
 * check; any linkage error (a method of our imglib2 missing from Fiji's) is thrown.
 */
public final class FijiImglib2Probe {
    private FijiImglib2Probe() {}

    public static String run(String sample, String series) {
        Volume v = VolumeLoader.load(StudyScanner.scan(Path.of(sample)).findStack(series).orElseThrow());
        PlanarImg<UnsignedShortType, ?> img = Imglib2Views.wrap(v);
        long sum = 0;
        Cursor<UnsignedShortType> c = img.cursor();
        while (c.hasNext()) sum += c.next().get();
        double physical = v.slope() * sum + v.intercept() * v.voxelCount();
        boolean sumMatches = Math.abs(physical - VolumeStats.of(v).sum()) <= 1e-6 * Math.abs(physical);
        // a write through the view is seen by the volume (no copy)
        var ra = img.randomAccess();
        ra.setPosition(new long[] {1, 2, 3});
        ra.get().set(4321);
        int seen = Short.toUnsignedInt(((short[]) v.slice(3))[2 * v.width() + 1]);
        int rc = Main.execute("--version");
        return String.join(";",
                "imglib2=" + PlanarImg.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                "dims=" + img.dimension(0) + "x" + img.dimension(1) + "x" + img.dimension(2),
                "sumMatches=" + sumMatches,
                "writeSeen=" + seen,
                "versionExit=" + rc);
    }
}
