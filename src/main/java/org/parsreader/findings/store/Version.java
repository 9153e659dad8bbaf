package org.parsreader.findings.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One kept version of a reader's findings: the content of a save (every save is kept, so the
 * newest version is normally the current file).
 *
 * @param readerId whose findings
 * @param seq increasing per reader; orders versions even when the clock jumps
 * @param time when the version was written (UTC, millisecond precision)
 * @param path the version file
 * @param bytes its size
 */
public record Version(String readerId, long seq, Instant time, Path path, long bytes) {
}
