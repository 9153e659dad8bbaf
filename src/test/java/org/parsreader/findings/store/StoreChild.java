package org.parsreader.findings.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The other process of the crash and locking tests (not a test itself). Modes:
 * <ul>
 * <li>{@code loop caseDir reader seed firstSeq keep minSize maxSize}: saves documents
 *     firstSeq, firstSeq+1, ... until killed, printing {@code saved N} after each returns;</li>
 * <li>{@code count caseDir reader seed n minSize maxSize}: saves documents 1..n, prints {@code done};</li>
 * <li>{@code hold caseDir reader}: opens the reader, prints {@code locked}, waits to be killed;</li>
 * <li>{@code probe caseDir reader}: prints {@code acquired} or {@code locked: <message>}.</li>
 * </ul>
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path caseDir = Path.of(args[1]);
        String reader = args[2];
        switch (args[0]) {
            case "loop" -> {
                long seed = Long.parseLong(args[3]);
                long seq = Long.parseLong(args[4]);
                FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK, Integer.parseInt(args[5]),
                        Clock.systemUTC());
                int min = Integer.parseInt(args[6]);
                int max = Integer.parseInt(args[7]);
                try (ReaderSession session = store.open(reader)) {
                    System.out.println("open");
                    for (;; seq++) {
                        session.save(TestDocs.generate(seed, seq, min, max), "child", "save " + seq);
                        System.out.println("saved " + seq);
                    }
                }
            }
            case "count" -> {
                long seed = Long.parseLong(args[3]);
                int n = Integer.parseInt(args[4]);
                FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
                try (ReaderSession session = store.open(reader)) {
                    for (int seq = 1; seq <= n; seq++) {
                        session.save(TestDocs.generate(seed, seq, Integer.parseInt(args[5]),
                                Integer.parseInt(args[6])), "child", "save " + seq);
                    }
                }
                System.out.println("done");
            }
            case "hold" -> {
                ReaderSession session = new FindingsStore(caseDir, TestDocs.CHECK).open(reader);
                System.out.println("locked " + session.lockFile());
                Thread.sleep(Long.MAX_VALUE);
            }
            case "probe" -> {
                try (ReaderSession session = new FindingsStore(caseDir, TestDocs.CHECK).open(reader)) {
                    System.out.println("acquired");
                } catch (ReaderLockedException e) {
                    System.out.println("locked: " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
