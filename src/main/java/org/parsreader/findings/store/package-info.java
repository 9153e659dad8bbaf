/**
 * Crash-safe storage of per-reader findings files: atomic writes, an OS lock per open reader,
 * the last N saves kept, an append-only audit log, damaged files moved aside (never deleted),
 * and autosave. Bytes only: the findings layer passes an {@link
 * org.parsreader.findings.store.IntegrityCheck} ("parses as a findings document") and the store
 * validates nothing else.
 *
 * <pre>{@code
 * FindingsStore store = new FindingsStore(caseDir, bytes -> problemOf(bytes)); // Optional<String>
 * try {
 *     Optional<byte[]> current = store.read("R1");
 * } catch (DamagedFindingsException e) {
 *     // tell the user: e.path(), e.reason(), e.movedTo(); offer e.lastGoodVersion()
 * }
 * try (ReaderSession session = store.open("R1");                 // ReaderLockedException if open elsewhere
 *      Autosaver autosaver = new Autosaver(session, doc, "R1 (autosave)", 30, listener)) {
 *     session.save(bytes, "R1", "L5 left: pars defect, stage 3");
 *     List<Version> versions = session.versions();               // oldest first, at most 20
 *     session.restore(versions.get(0).seq(), "R1");              // audited as a restore
 * }
 * AuditLog.Contents log = store.auditLog().read();               // torn lines skipped and reported
 * }</pre>
 *
 * <p>Guarantees: a process killed at any moment leaves the previous or the new file, complete;
 * an acknowledged save survives a crash of the process (and of the machine, where the file
 * system honours fsync); a save that fails with an error (a full or read-only disk) leaves the
 * file, the kept versions and the audit log exactly as they were, and the error names the file
 * it could not write; one reader can be open for writing in one place only.
 */
package org.parsreader.findings.store;
