package org.parsreader.ij.panel;

import org.parsreader.reading.ReadingSession;

/** The image viewers beside the panel, as the panel uses them. */
interface ReadingPanelViewers {
    void open(ReadingSession session);

    void beginMarkLevel(String level);

    void setLinked(boolean linked);

    void close();

    static ReadingPanelViewers forSession() {
        return new ReadingPanelViewers() {
            @Override
            public void open(ReadingSession session) {}

            @Override
            public void beginMarkLevel(String level) {}

            @Override
            public void setLinked(boolean linked) {}

            @Override
            public void close() {}
        };
    }
}
