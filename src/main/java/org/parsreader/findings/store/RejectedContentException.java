package org.parsreader.findings.store;

import java.nio.file.Path;

/** Content handed to a save failed the integrity check, so it was not written. */
public class RejectedContentException extends FindingsStoreException {
    private static final long serialVersionUID = 1L;

    public RejectedContentException(Path target, String reason) {
        super(target, "refused to save content that fails the integrity check: " + reason);
    }
}
