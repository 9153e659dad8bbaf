package org.parsreader.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-process floor: a JVM that reads every byte of a folder's files and exits. */
public final class RawReadMain {
    private RawReadMain() {}

    public static void main(String[] args) throws Exception {
        ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
        long n = 0;
        try (var s = Files.list(Path.of(args[0]))) {
            for (Path f : s.toList()) {
                try (FileChannel ch = FileChannel.open(f)) {
                    int r;
                    while ((r = ch.read(b.clear())) > 0) n += r;
                }
            }
        }
        System.out.println(n + " bytes");
    }
}
