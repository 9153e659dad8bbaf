package org.parsreader.bench;

import ij.ImagePlus;
import ij.plugin.FolderOpener;
import java.nio.file.Path;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.ij.OpenStudyCommand;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.ImageJViews;

/**
 * The first open of an ImageJ session, in process (issue 16): in a fresh JVM, with ImageJ's own
 * image classes already loaded (as after ImageJ's start), times one {@code Open Study}
 * (scan + load + ImagePlus, what the command does before showing it) or one
 * {@code FolderOpener.open} of the same folder, cold code, and prints the milliseconds.
 * {@code FirstOpenMain parsreader|eagerheaders|noheaders|folderopener FOLDER [SERIES]}; run each mode in its own JVM,
 * alternately, several times (scripts/bench.sh).
 */
public final class FirstOpenMain {
    private FirstOpenMain() {}

    public static void main(String[] args) {
        new ImagePlus("warm", new ij.process.ShortProcessor(8, 8)).getStack(); // ImageJ itself is up
        long t0 = System.nanoTime();
        ImagePlus imp = switch (args[0]) {
            case "parsreader" -> OpenStudyCommand.process(Path.of(args[1]), args.length > 2 ? args[2] : "#1", ProgressListener.NONE);
            // the header text of every slice built up front, as Open Study did before the labels were lazy
            case "eagerheaders" -> {
                ImagePlus p = OpenStudyCommand.process(Path.of(args[1]), args.length > 2 ? args[2] : "#1", ProgressListener.NONE);
                p.getStack().getSliceLabels();
                yield p;
            }
            // the same without the DICOM header text of every slice (ImageJ's Show Info), to see its share
            case "noheaders" -> ImageJViews.toImagePlus(VolumeLoader.load(StudyScanner.scan(Path.of(args[1])).stacks().get(0)), null);
            default -> FolderOpener.open(args[1]);
        };
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(args[0] + " first open: " + ms + " ms (" + imp.getStackSize() + " slices)");
        System.exit(0);
    }
}
