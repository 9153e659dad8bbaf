package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parsreader.ij.panel.ReadingPanelIT.button;
import static org.parsreader.ij.panel.ReadingPanelIT.click;
import static org.parsreader.ij.panel.ReadingPanelIT.onEdt;
import static org.parsreader.ij.panel.ReadingPanelIT.p;
import static org.parsreader.ij.panel.ReadingPanelIT.pressOn;
import static org.parsreader.ij.panel.ReadingPanelIT.settle;
import static org.parsreader.ij.panel.ReadingPanelIT.showSliceOf;
import static org.parsreader.ij.panel.ReadingPanelIT.waitFor;
import static org.parsreader.ij.panel.ReadingPanelIT.waitForPanel;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import ij.plugin.frame.Recorder;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.swing.JTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.sample.GroundTruth;
import org.parsreader.study.ConsensusRecord;

/**
 * Issue 14 point 6, in real windows under Xvfb: the consensus reader opens the sample study's
 * consensus with Read Case... study=, the panel shows only the open disagreements (R1's and R2's
 * values side by side, their gap lines on the CT in their colours, labelled R1 / R2), key 1 takes
 * R1's grade, N and a typed number resolve the gap with a new value, Save; the consensus read,
 * the consensus record, the audit log and the macro Recorder then say so. With
 * {@code -Dpars.screenshots=true} it writes docs/images/consensus-panel.png.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ConsensusPanelIT {
    static ImageJ imagej;
    static Path study;

    @BeforeAll
    static void start() throws Exception {
        study = SampleStudy.create(Files.createTempDirectory("consensus"));
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej"));
    }

    @AfterAll
    static void quit() throws Exception {
        if (ActiveSession.get().isPresent()) ReadingCommand.perform("close", Map.of());
        waitFor(() -> ReadingPanel.current().isEmpty(), 10000, "no panel");
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    void theConsensusReaderResolvesTheOpenDisagreements() throws Exception {
        Recorder recorder = new Recorder();
        onEdt(() -> recorder.setLocation(1366, 768)); // out of the picture; it records all the same
        try {
            resolve(recorder);
        } finally {
            recorder.close();
        }
    }

    private void resolve(Recorder recorder) throws Exception {
        Path caseDir = study.getParent().resolve("cases/case-001");
        GroundTruth truth = GroundTruth.read(caseDir.resolve("ground-truth.json"));
        IJ.run("Read Case...", "study=[" + study + "] reader=consensus who=lead");
        ReadingPanel panel = waitForPanel();
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "viewers");
        settle();
        ConsensusSection section = panel.consensus().orElseThrow();
        JTable table = section.table();

        // only the open disagreements, each reader's value side by side; the whole form hidden
        assertThat(onEdt(() -> panel.form().isVisible())).isFalse();
        List<String> rows = onEdt(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (int r = 0; r < table.getRowCount(); r++) out.add(table.getValueAt(r, 0) + " | " + table.getValueAt(r, 1) + " | " + table.getValueAt(r, 2));
            return out;
        });
        assertThat(rows).containsExactly("pars_defect L5 right | complete | incomplete", "gap_width_mm L5 left | 2.5 (ROI) | 4 (ROI)",
                "bme_isthmic L5 left | yes | no", "bme_location L5 left | pars|pedicle|articular_process | (none)", "hollenberg L5 left | 3 | 4");

        // both readers' gap lines on the post-contrast CT, labelled in their colours
        SeriesViewer post = panel.viewers().find("Post contrast").orElseThrow();
        GroundTruth.ParsDefect left = truth.parsDefects().stream().filter(x -> x.side().equals("left")).findFirst().orElseThrow();
        showSliceOf(post, p(left.centreCt()));
        int slice = onEdt(() -> post.image().getCurrentSlice());
        assertThat(post.overlayNames(slice)).anyMatch(n -> n.startsWith("consensus R1 ") && n.contains("gap_width_mm L5 left"))
                .anyMatch(n -> n.startsWith("consensus R2 ") && n.contains("gap_width_mm L5 left"));
        screenshot(panel);

        // key 1 on the first row: R1's grade
        onEdt(() -> {
            table.setRowSelectionInterval(0, 0);
            table.requestFocusInWindow();
        });
        settle();
        onEdt(() -> pressOn(table, KeyEvent.VK_1, 0));
        waitFor(() -> onEdtQuiet(table::getRowCount) == 4, 10000, "4 open after key 1 (status '" + panel.statusText() + "')");
        waitFor(() -> panel.statusText().contains("pars_defect L5 right resolved (r1) = complete by lead; 4 open"), 5000,
                "the resolution on the status line (now '" + panel.statusText() + "')");

        // N on the gap row, a number, Enter: a new value
        onEdt(() -> {
            table.setRowSelectionInterval(0, 0);
            table.requestFocusInWindow();
        });
        settle();
        assertThat(onEdt(() -> (String) table.getValueAt(0, 0))).isEqualTo("gap_width_mm L5 left");
        onEdt(() -> pressOn(table, KeyEvent.VK_N, 0));
        settle();
        waitFor(() -> onEdtQuiet(() -> table.getSelectedRow()) == 0, 3000, "the gap row still selected");
        javax.swing.JTextField value = (javax.swing.JTextField) named(panel, "consensus-value");
        javax.swing.JComboBox<?> how = (javax.swing.JComboBox<?>) named(panel, "consensus-how");
        assertThat(onEdt(() -> (Object) how.getSelectedItem())).as("N chose a new value").isEqualTo("new");
        onEdt(() -> {
            long now = System.currentTimeMillis();
            value.dispatchEvent(new KeyEvent(value, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_3, '3'));
            value.dispatchEvent(new KeyEvent(value, KeyEvent.KEY_TYPED, now, 0, KeyEvent.VK_UNDEFINED, '3'));
            value.dispatchEvent(new KeyEvent(value, KeyEvent.KEY_RELEASED, now + 2, 0, KeyEvent.VK_3, '3'));
        });
        settle();
        assertThat(onEdt(() -> (String) value.getText())).isEqualTo("3");
        onEdt(() -> pressOn(value, KeyEvent.VK_ENTER, 0));
        try {
            waitFor(() -> onEdtQuiet(table::getRowCount) == 3, 10000, "3 open after a new value");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (status now '" + panel.statusText() + "', value '" + onEdt(() -> (String) value.getText()) + "')", e);
        }
        settle();
        assertThat(post.overlayNames(slice)).as("the resolved gap's reader lines are gone").noneMatch(n -> n.startsWith("consensus R") && n.contains("gap_width_mm"));

        click(button(panel, "save"));
        settle();
        panel.settle(20);

        // the consensus read, the record and the audit log
        FindingsDocument cd = FindingsJson.readFile(caseDir.resolve("findings/consensus.findings.json"));
        assertThat(find(cd, "pars_defect", "L5", Side.RIGHT)).contains(new Value.Choice("complete"));
        assertThat(find(cd, "gap_width_mm", "L5", Side.LEFT)).contains(new Value.Number(3));
        assertThat(find(cd, "bme_isthmic", "L5", Side.LEFT)).as("still open").isEmpty();
        ConsensusRecord rec = ConsensusRecord.read(caseDir, "consensus").orElseThrow();
        assertThat(rec.resolutions()).extracting(ConsensusRecord.Resolution::how, ConsensusRecord.Resolution::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "lead"), org.assertj.core.groups.Tuple.tuple("new", "lead"));
        assertThat(rec.open()).hasSize(3);
        assertThat(CaseFindings.store(caseDir).auditLog().read().entries()).extracting(AuditEntry::what)
                .contains("resolved pars_defect L5 right: r1 = complete by lead", "resolved gap_width_mm L5 left: new = 3 by lead");
        assertThat(recorder.getText()).contains("run(\"Reading Resolve...\", \"finding=pars_defect level=L5 side=right how=r1\");")
                .contains("run(\"Reading Resolve...\", \"finding=gap_width_mm level=L5 side=left how=new value=3\");");
        ReadingCommand.perform("close", Map.of());
    }

    private static java.util.Optional<Value> find(FindingsDocument d, String finding, String level, Side side) {
        return d.values().stream().filter(v -> v.finding().equals(finding) && v.level().equals(level) && v.side() == side)
                .map(FindingsDocument.FindingValue::value).findFirst();
    }

    /** The component of the panel with that name (Swing names, as the section sets them). */
    private static java.awt.Component named(java.awt.Container c, String name) throws Exception {
        return onEdt(() -> find(c, name));
    }

    private static java.awt.Component find(java.awt.Container c, String name) {
        for (java.awt.Component x : c.getComponents()) {
            if (name.equals(x.getName())) return x;
            if (x instanceof java.awt.Container k) {
                java.awt.Component f = find(k, name);
                if (f != null) return f;
            }
        }
        return null;
    }

    private static <T> T onEdtQuiet(java.util.concurrent.Callable<T> c) {
        try {
            return onEdt(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void screenshot(ReadingPanel panel) throws Exception {
        Path dir = Boolean.getBoolean("pars.screenshots") ? Path.of("docs/images")
                : Path.of(System.getProperty("pars.pluginJar", "target/x.jar")).toAbsolutePath().getParent().resolve("screenshots");
        Files.createDirectories(dir);
        onEdt(() -> IJ.getInstance().setLocation(0, 768 - IJ.getInstance().getHeight())); // ImageJ's bar out of the way, bottom left
        Thread.sleep(600);
        BufferedImage shot = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        ImageIO.write(shot, "png", dir.resolve("consensus-panel.png").toFile());
        System.out.println("ConsensusPanelIT screenshot in " + dir.toAbsolutePath());
    }
}
