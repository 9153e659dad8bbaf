package org.parsreader.ij;

import ij.IJ;
import org.parsreader.util.ProgressListener;

/** Forwards core progress to ImageJ's status bar and progress bar. */
final class ImageJProgress implements ProgressListener {
    @Override
    public void progress(long done, long total, String what) {
        IJ.showProgress((int) Math.min(Integer.MAX_VALUE, done), (int) Math.max(1, total));
        if (done == total || done % 32 == 0) IJ.showStatus(what + " " + done + "/" + total);
    }
}
