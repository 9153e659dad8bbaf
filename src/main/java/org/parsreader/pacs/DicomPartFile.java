package org.parsreader.pacs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One WADO-RS part written to its file, checked on the way as DICOM Part 10 ("DICM" at byte 128),
 * so the retrieved folder need not be read back (that re-read of 400 files was ~20 ms of a
 * retrieve). Unbuffered on purpose: {@link MultipartReader} hands over large slices of its buffer.
 */
final class DicomPartFile extends OutputStream {
    /** The part just closed is not DICOM Part 10. */
    static final class NotDicom extends IOException {
        private static final long serialVersionUID = 1L;

        NotDicom(String m) {
            super(m);
        }
    }

    private static final int HEAD = 132;
    private final FileOutputStream out;
    private final Path file;
    private final byte[] head = new byte[HEAD];
    private long written;

    DicomPartFile(Path file) throws IOException {
        this.file = file;
        out = new FileOutputStream(file.toFile());
    }

    /** NNNNNN.dcm, the part's number counted from 1 (String.format costs more per file in a cold JVM). */
    static String name(int number) {
        String n = Integer.toString(number);
        return "000000".substring(Math.min(6, n.length())) + n + ".dcm";
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written < HEAD) System.arraycopy(b, off, head, (int) written, (int) Math.min(len, HEAD - written));
        out.write(b, off, len);
        written += len;
    }

    /** Closes the file; throws {@link NotDicom} when what was written is not DICOM Part 10. */
    @Override
    public void close() throws IOException {
        out.close();
        if (written < HEAD || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M')
            throw new NotDicom("received object " + file.getFileName() + " (" + written + " bytes) is not a DICOM file (no 'DICM' at byte 128)");
    }
}
