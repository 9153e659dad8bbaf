package org.parsreader.bench;

import ij.ImagePlus;
import ij.plugin.FolderOpener;

/** Whole-process alternative: ImageJ's own reader opening a folder as a stack. */
public final class FolderOpenerMain {
    private FolderOpenerMain() {}

    public static void main(String[] args) {
        ImagePlus imp = FolderOpener.open(args[0]);
        System.out.println(imp.getStackSize() + " slices, " + imp.getCalibration().getValueUnit());
        System.exit(0);
    }
}
