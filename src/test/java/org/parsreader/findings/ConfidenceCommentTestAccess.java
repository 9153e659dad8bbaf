package org.parsreader.findings;

import java.nio.file.Path;

/** Lets tests of other packages build the template with a declared confidence. */
public final class ConfidenceCommentTestAccess {
    private ConfidenceCommentTestAccess() {}

    public static Path templateWithConfidence(Path dir) throws Exception {
        return ConfidenceCommentTest.templateWithConfidence(dir);
    }
}
