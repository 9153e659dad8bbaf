package org.parsreader.ij.panel;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.reading.ReadingSession;
import org.parsreader.util.ProgressListener;

/**
 * Shows the reading panel on a copy of the sample case without ImageJ's menus, and saves a
 * screenshot: {@code ReadingPanelDemo CASE_COPY OUT.png [seconds]} (a development aid; the
 * real end-to-end test is ReadingPanelIT).
 */
public final class ReadingPanelDemo {
    public static void main(String[] args) throws Exception {
        Path caseDir = Path.of(args[0]);
        ReadingSession s = ReadingSession.open(caseDir, ReadingSession.Options.blinded(new FindingsDocument.Reader("R2", Role.R2),
                ReadingTemplate.builtIn("pars-injection")), ProgressListener.NONE);
        ActiveSession.set(s, null);
        ReadingPanel p = ReadingPanel.show(s);
        Thread.sleep(1500);
        BufferedImage img = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        ImageIO.write(img, "png", Path.of(args[1]).toFile());
        if (args.length > 2) Thread.sleep((long) (Double.parseDouble(args[2]) * 1000));
        System.out.println("bounds " + p.getBounds() + " pref " + p.getContentPane().getPreferredSize());
        System.exit(0);
    }
}
