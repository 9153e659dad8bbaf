package org.parsreader.ij.panel;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WorklistNavigator;

/**
 * The top of the reading panel: the case (pseudonym only when blinded), reader, role and
 * template, and the worklist position with Previous / Next case (hidden without a worklist).
 */
final class ReadingPanelHeader {
    private final JLabel caseLabel = new JLabel();
    private final JLabel readerLabel = new JLabel();
    private final JLabel worklistLabel = new JLabel();
    private final JButton previous = new JButton("◀ Previous");
    private final JButton next = new JButton("Next ▶");

    /** @param moveCase told "previous" or "next" when the reader moves along the worklist */
    ReadingPanelHeader(Consumer<String> moveCase) {
        // the buttons outlive a change of case: their actions are set once (component() lays them out again)
        previous.addActionListener(e -> moveCase.accept("previous"));
        next.addActionListener(e -> moveCase.accept("next"));
    }

    /** The header laid out anew (for each case). */
    JComponent component() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        p.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
        caseLabel.setFont(caseLabel.getFont().deriveFont(Font.BOLD, 15f));
        caseLabel.setName("case");
        readerLabel.setFont(readerLabel.getFont().deriveFont(Font.PLAIN, 12f));
        worklistLabel.setFont(worklistLabel.getFont().deriveFont(Font.PLAIN, 12f));
        worklistLabel.setName("worklist");
        for (JLabel l : List.of(caseLabel, readerLabel)) {
            l.setAlignmentX(Component.LEFT_ALIGNMENT);
            p.add(l);
        }
        JPanel wl = new JPanel(new BorderLayout(4, 0));
        wl.setAlignmentX(Component.LEFT_ALIGNMENT);
        wl.add(worklistLabel, BorderLayout.CENTER);
        JPanel nav = new JPanel(new FlowLayout(FlowLayout.RIGHT, 2, 0));
        FindingsForm.small(previous);
        FindingsForm.small(next);
        previous.setName("previous-case");
        next.setName("next-case");
        previous.setToolTipText("Save this case and open the previous one of the worklist");
        next.setToolTipText("Save this case and open the next one of the worklist");
        nav.add(previous);
        nav.add(next);
        wl.add(nav, BorderLayout.EAST);
        p.add(wl);
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, p.getPreferredSize().height + 10));
        return p;
    }

    /** Shows {@code s}: its case, reader and template, and its place in the worklist when it is the worklist's case. */
    void refresh(ReadingSession s) {
        caseLabel.setText(s.caseTitle());
        caseLabel.setToolTipText("case folder " + s.caseDir().getFileName() + (s.blinded() ? "; blinded: patient identity, dates, outcomes and other readers are hidden" : ""));
        readerLabel.setText("Reader " + s.reader().id() + " · role " + s.reader().role() + " · template " + s.template().id() + " "
                + s.template().version());
        readerLabel.setToolTipText(s.template().title());
        Optional<WorklistNavigator> w = ActiveSession.worklist().filter(n -> n.current() == s);
        if (w.isPresent()) {
            WorklistNavigator.Progress p = w.get().progress();
            worklistLabel.setText(String.format(Locale.ROOT, "case %d of %d · %d complete", p.position(), p.total(), p.complete()));
            previous.setEnabled(w.get().hasPrevious());
            next.setEnabled(w.get().hasNext());
            previous.setVisible(true);
            next.setVisible(true);
        } else {
            worklistLabel.setText(" ");
            previous.setVisible(false);
            next.setVisible(false);
        }
        worklistLabel.getParent().setVisible(w.isPresent());
    }

    String worklistText() {
        return worklistLabel.getText();
    }
}
