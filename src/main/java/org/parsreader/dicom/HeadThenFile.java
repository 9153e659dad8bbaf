package org.parsreader.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a file, served from an already-read head buffer and, only if a reader gets
 * past it (a long enhanced multi-frame header), from the file itself. Saves a second open and
 * read per file in the header scan.
 */
final class HeadThenFile extends InputStream {
    private final byte[] head;
    private final Path file;
    private int pos;
    private InputStream rest;

    HeadThenFile(byte[] head, Path file) {
        this.head = head;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        if (pos < head.length) return head[pos++] & 0xFF;
        return rest().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos < head.length) {
            int n = Math.min(len, head.length - pos);
            System.arraycopy(head, pos, b, off, n);
            pos += n;
            return n;
        }
        return rest().read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        if (pos < head.length) {
            int s = (int) Math.min(n, head.length - pos);
            pos += s;
            return s;
        }
        return rest().skip(n);
    }

    private InputStream rest() throws IOException {
        if (rest == null) {
            rest = Files.newInputStream(file);
            rest.skipNBytes(head.length);
        }
        return rest;
    }

    @Override
    public void close() throws IOException {
        if (rest != null) rest.close();
    }
}
