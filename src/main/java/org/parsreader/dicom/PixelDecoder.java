package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.parsreader.dicom.codec.JpegDecodeException;
import org.parsreader.dicom.codec.JpegLosslessDecoder;
import org.parsreader.dicom.codec.JpegLsDecoder;

/**
 * Decodes the frames of one file into raw sample arrays, without calibration:
 * {@code short[]} for 16-bit, {@code byte[]} for 8-bit, {@code int[]} for 32-bit integer,
 * {@code float[]}/{@code double[]} for float pixel data; colour stays interleaved.
 *
 * <p>Uncompressed data is read straight from the file at the offset the header reader found
 * (memory-mapped, one copy per frame into its array): PixelMed's read-everything
 * path measured about 3x the raw read here. RLE, JPEG lossless and JPEG-LS have decoders of
 * their own ({@link RleDecoder}, {@link JpegLosslessDecoder}, {@link JpegLsDecoder}); deflate,
 * JPEG baseline and JPEG 2000 (via jai-imageio) are decoded by PixelMed.
 */
final class PixelDecoder {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

    /**
     * Decoded frames of one file. {@code photometric} is what the samples are now (codecs may
     * convert YBR to RGB); {@code warning} is what decoding had to assume, or null.
     */
    record Decoded(Object[] frames, String photometric, String warning) {
        Decoded(Object[] frames, String photometric) {
            this(frames, photometric, null);
        }
    }

    private PixelDecoder() {}

    static Decoded decode(InstanceHeader h, int[] wantedFrames) {
        String ts = h.transferSyntaxUid();
        String unsupported = TransferSyntaxes.unsupportedReason(ts);
        if (unsupported != null) throw new DicomReadException(h.file(), unsupported);
        PixelFormat f = h.pixelFormat();
        // what the frames claim, before anything is allocated for them (compressed data is not bounded by the file size)
        MemoryCheck.volume(h.file(), f.columns(), f.rows() * Math.max(1, f.samplesPerPixel()), wantedFrames.length,
                Math.max(1, f.bitsAllocated() / 8));
        try {
            if (TransferSyntaxes.isUncompressed(ts) && h.pixelData() != null && !h.pixelData().encapsulated()) {
                if (f.bitsAllocated() == 1) return new Decoded(readBits(h, wantedFrames), f.photometric());
                return new Decoded(readNative(h, wantedFrames), f.photometric());
            }
            if (TransferSyntaxes.RLE.equals(ts) && h.pixelData() != null && h.pixelData().encapsulated()) {
                java.util.List<byte[]> compressed = Encapsulated.frames(h.file(), h.pixelData().valueOffset(), f.frames());
                Object[] out = new Object[wantedFrames.length];
                for (int i = 0; i < wantedFrames.length; i++) out[i] = RleDecoder.decode(h.file(), compressed.get(wantedFrames[i]), f);
                return new Decoded(out, f.photometric());
            }
            if (TransferSyntaxes.isJpegLossless(ts) && h.pixelData() != null && h.pixelData().encapsulated()) {
                return decodeJpegLossless(h, wantedFrames);
            }
            if (TransferSyntaxes.isJpegLs(ts) && h.pixelData() != null && h.pixelData().encapsulated()) {
                return new Decoded(decodeJpegLs(h, wantedFrames), f.photometric());
            }
            Decoded d = decodeWithPixelMed(h, wantedFrames);
            if (f.signed() && f.bitsStored() < 16 && f.bitsAllocated() == 16 && ts.startsWith("1.2.840.10008.1.2.4.9")) {
                int shift = 16 - f.bitsStored(); // JPEG 2000 decoders return the codestream's precision unsigned-extended
                for (Object o : d.frames()) {
                    short[] s = (short[]) o;
                    for (int i = 0; i < s.length; i++) s[i] = (short) ((short) (s[i] << shift) >> shift);
                }
            }
            return d;
        } catch (IOException e) {
            throw new DicomReadException(h.file(), "cannot read pixel data: " + HeaderReader.describe(e), e);
        }
    }

    /**
     * Frames up to this size are read into the thread's own reused buffer rather than mapped: a
     * mapping per frame costs a map and an unmap (which interrupts the other loading threads'
     * cores), page faults, and in a cold JVM the reflective set-up of mapped buffers, for slices of
     * a few hundred kB (issue 16): the first Open Study of a session 0.95x the time (median of 11
     * pairs, in process, quiet machine). Larger frames (mammography, 1024-square CT) are mapped, so no thread
     * keeps more than 1 MB for this.
     */
    private static final int READ_BUFFER_MAX = 1 << 20;
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = new ThreadLocal<>();

    private static ByteBuffer readInto(FileChannel ch, long pos, int bytes, InstanceHeader h, int frame) throws IOException {
        ByteBuffer buf = READ_BUFFER.get();
        if (buf == null || buf.capacity() < bytes) {
            buf = ByteBuffer.allocateDirect(Math.max(bytes, 1 << 16));
            READ_BUFFER.set(buf);
        }
        buf.clear().limit(bytes);
        long p = pos;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, p);
            if (r < 0) throw new DicomReadException(h.file(), "truncated: file ends inside frame " + (frame + 1));
            p += r;
        }
        return buf.flip();
    }

    private static Object[] readNative(InstanceHeader h, int[] wantedFrames) throws IOException {
        PixelFormat f = h.pixelFormat();
        InstanceHeader.PixelDataLocation loc = h.pixelData();
        long frameBytes = f.frameBytes();
        if (frameBytes > Integer.MAX_VALUE) throw new DicomReadException(h.file(), "frame larger than 2 GB");
        Object[] out = new Object[wantedFrames.length];
        try (FileChannel ch = FileChannel.open(h.file(), StandardOpenOption.READ)) {
            long size = ch.size();
            for (int i = 0; i < wantedFrames.length; i++) {
                long pos = loc.valueOffset() + wantedFrames[i] * frameBytes;
                if (pos + frameBytes > size) {
                    throw new DicomReadException(h.file(), "truncated: file ends inside frame " + (wantedFrames[i] + 1));
                }
                ByteBuffer buf = frameBytes <= READ_BUFFER_MAX ? readInto(ch, pos, (int) frameBytes, h, wantedFrames[i])
                        // mapped: one copy from the page cache into the array
                        : ch.map(FileChannel.MapMode.READ_ONLY, pos, frameBytes);
                buf.order(loc.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                out[i] = toArray(buf, f);
            }
        }
        return out;
    }

    /**
     * JPEG lossless frames, decoded at the bitstream's own sample precision P. A P that does not
     * match BitsStored is not clipped to it: P above BitsAllocated is refused (the values do
     * not fit), any other mismatch is decoded at P (signed data sign-extended from P) and said
     * in the returned warning.
     */
    private static Decoded decodeJpegLossless(InstanceHeader h, int[] wantedFrames) throws IOException {
        PixelFormat f = h.pixelFormat();
        java.util.List<byte[]> compressed = Encapsulated.frames(h.file(), h.pixelData().valueOffset(), f.frames());
        int n = f.rows() * f.columns() * f.samplesPerPixel();
        Object[] out = new Object[wantedFrames.length];
        String warning = null;
        for (int i = 0; i < wantedFrames.length; i++) {
            byte[] src = compressed.get(wantedFrames[i]);
            int precision;
            short[] s;
            try {
                JpegLosslessDecoder.Header jh = JpegLosslessDecoder.readHeader(src, 0, src.length);
                if (jh.width() != f.columns() || jh.height() != f.rows() || jh.components() != f.samplesPerPixel()) {
                    throw new DicomReadException(h.file(), String.format("JPEG lossless frame %d is %dx%dx%d but the header says %dx%dx%d",
                            wantedFrames[i] + 1, jh.width(), jh.height(), jh.components(), f.columns(), f.rows(), f.samplesPerPixel()));
                }
                precision = jh.precision();
                if (precision > f.bitsAllocated()) {
                    throw new DicomReadException(h.file(), String.format("JPEG lossless frame %d holds %d-bit samples but BitsAllocated "
                            + "(0028,0100) is %d: the values do not fit, refusing rather than clipping them", wantedFrames[i] + 1,
                            precision, f.bitsAllocated()));
                }
                s = new short[n];
                JpegLosslessDecoder.decode(src, 0, src.length, s);
            } catch (JpegDecodeException e) {
                throw new DicomReadException(h.file(), "frame " + (wantedFrames[i] + 1) + ": " + e.getMessage(), e);
            }
            if (f.bitsAllocated() == 8) {
                byte[] b = new byte[n];
                for (int p = 0; p < n; p++) b[p] = (byte) s[p];
                out[i] = b;
            } else {
                if (f.signed()) {
                    // the decoder returns unsigned P-bit samples holding two's complement values; with P above
                    // BitsStored, encoders either sign-extend to P bits or leave the BitsStored pattern in the low bits
                    // (then every sample's bits above BitsStored are zero): extend from wherever the sign bit is
                    int bits = precision;
                    if (precision > f.bitsStored()) {
                        int high = 0;
                        for (int p = 0; p < n; p++) high |= (s[p] & 0xFFFF) >>> f.bitsStored();
                        if (high == 0) bits = f.bitsStored();
                    }
                    int shift = 16 - bits;
                    if (shift > 0) for (int p = 0; p < n; p++) s[p] = (short) ((short) (s[p] << shift) >> shift);
                }
                if (precision > f.bitsStored() && warning == null) warning = beyondBitsStored(s, f, precision, wantedFrames[i]);
                out[i] = s;
            }
        }
        return new Decoded(out, f.photometric(), warning);
    }

    /** A warning when decoded samples lie outside the range BitsStored allows (they are kept, not clipped), else null. */
    private static String beyondBitsStored(short[] s, PixelFormat f, int precision, int frame) {
        int bs = f.bitsStored();
        long lo = f.signed() ? -(1L << (bs - 1)) : 0;
        long hi = f.signed() ? (1L << (bs - 1)) - 1 : (1L << bs) - 1;
        long outside = 0;
        for (short v : s) {
            long x = f.signed() ? v : v & 0xFFFF;
            if (x < lo || x > hi) outside++;
        }
        return outside == 0 ? null : String.format("JPEG lossless frame %d holds %d-bit samples and %d of them lie outside "
                + "the range of BitsStored (0028,0101) = %d: decoded at the bitstream's %d bits, not clipped", frame + 1,
                precision, outside, bs, precision);
    }

    /**
     * JPEG-LS frames. The bitstream's precision P may differ from Bits Stored (dcmcjpls writes
     * P=16 for 12 bits stored in 16): samples are kept at P bits, never masked to Bits Stored;
     * signed data is sign-extended from the wider of the two, so no decoded bit is lost. A P that
     * does not fit Bits Allocated is refused rather than cut.
     */
    private static Object[] decodeJpegLs(InstanceHeader h, int[] wantedFrames) throws IOException {
        PixelFormat f = h.pixelFormat();
        java.util.List<byte[]> compressed = Encapsulated.frames(h.file(), h.pixelData().valueOffset(), f.frames());
        int n = f.rows() * f.columns() * f.samplesPerPixel();
        Object[] out = new Object[wantedFrames.length];
        for (int i = 0; i < wantedFrames.length; i++) {
            byte[] src = compressed.get(wantedFrames[i]);
            short[] s = new short[n];
            int precision;
            try {
                JpegLsDecoder.Header jh = JpegLsDecoder.readHeader(src, 0, src.length);
                if (jh.width() != f.columns() || jh.height() != f.rows() || jh.components() != f.samplesPerPixel()) {
                    throw new DicomReadException(h.file(), String.format("JPEG-LS frame %d is %dx%dx%d but the header says %dx%dx%d",
                            wantedFrames[i] + 1, jh.width(), jh.height(), jh.components(), f.columns(), f.rows(), f.samplesPerPixel()));
                }
                precision = jh.precision();
                if (precision > f.bitsAllocated()) {
                    throw new DicomReadException(h.file(), String.format("JPEG-LS frame %d has %d-bit samples but Bits Allocated is %d",
                            wantedFrames[i] + 1, precision, f.bitsAllocated()));
                }
                JpegLsDecoder.decode(src, 0, src.length, s);
            } catch (JpegDecodeException e) {
                throw new DicomReadException(h.file(), "frame " + (wantedFrames[i] + 1) + ": " + e.getMessage(), e);
            }
            int signBits = Math.max(precision, f.bitsStored());
            boolean extend = f.signed() && signBits < f.bitsAllocated();
            if (f.bitsAllocated() == 8) {
                byte[] b = new byte[n];
                int shift = 8 - signBits;
                for (int p = 0; p < n; p++) b[p] = extend ? (byte) ((byte) (s[p] << shift) >> shift) : (byte) s[p];
                out[i] = b;
            } else {
                if (extend) {
                    int shift = 16 - signBits; // the decoder returns unsigned P-bit samples
                    for (int p = 0; p < n; p++) s[p] = (short) ((short) (s[p] << shift) >> shift);
                }
                out[i] = s;
            }
        }
        return out;
    }

    /** 1-bit data (segmentations): bits packed LSB first, frames contiguous in the bit stream. */
    private static Object[] readBits(InstanceHeader h, int[] wantedFrames) throws IOException {
        PixelFormat f = h.pixelFormat();
        long bits = (long) f.rows() * f.columns();
        byte[] all = new byte[(int) h.pixelData().length()];
        try (FileChannel ch = FileChannel.open(h.file(), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(all);
            while (b.hasRemaining()) if (ch.read(b, h.pixelData().valueOffset() + b.position()) < 0) break;
        }
        Object[] out = new Object[wantedFrames.length];
        for (int i = 0; i < wantedFrames.length; i++) {
            byte[] frame = new byte[(int) bits];
            long start = wantedFrames[i] * bits;
            for (int p = 0; p < bits; p++) {
                long bit = start + p;
                frame[p] = (byte) ((all[(int) (bit >> 3)] >> (bit & 7)) & 1);
            }
            out[i] = frame;
        }
        return out;
    }

    private static Object toArray(ByteBuffer buf, PixelFormat f) {
        int n = (int) (f.frameBytes() / Math.max(1, f.bitsAllocated() / 8));
        switch (f.bitsAllocated()) {
            case 8 -> {
                byte[] a = new byte[n];
                buf.get(a);
                return a;
            }
            case 16 -> {
                short[] a = new short[n];
                buf.asShortBuffer().get(a);
                return a;
            }
            case 32 -> {
                int[] a = new int[n];
                buf.asIntBuffer().get(a);
                return a;
            }
            default -> throw new IllegalArgumentException("BitsAllocated " + f.bitsAllocated() + " is not supported");
        }
    }

    private static Decoded decodeWithPixelMed(InstanceHeader h, int[] wantedFrames) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(h.file().toFile());
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomReadException(h.file(), "cannot decode " + TransferSyntaxes.name(h.transferSyntaxUid())
                    + " pixel data: " + e.getMessage(), e);
        }
        Attribute pd = list.get(Tags.at(Tags.PixelData));
        if (pd == null) pd = list.get(Tags.at(Tags.FloatPixelData));
        if (pd == null || pd.getVL() == 0) {
            throw new DicomReadException(h.file(), "pixel data could not be decoded (" + TransferSyntaxes.name(h.transferSyntaxUid()) + ")");
        }
        PixelFormat f = h.pixelFormat();
        int perFrame = f.rows() * f.columns() * f.samplesPerPixel();
        Object all;
        try {
            if (pd.getTag().equals(Tags.at(Tags.FloatPixelData))) all = pd.getFloatValues();
            else if (f.bitsAllocated() == 16 || f.bitsAllocated() == 12) all = pd.getShortValues();
            else if (f.bitsAllocated() == 8) all = pd.getByteValues();
            else if (f.bitsAllocated() == 32) all = ByteBuffer.wrap(pd.getByteValues()).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            else throw new DicomReadException(h.file(), "BitsAllocated " + f.bitsAllocated() + " is not supported");
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomReadException(h.file(), "pixel data could not be decoded: " + e.getMessage(), e);
        }
        int available = all instanceof java.nio.IntBuffer ib ? ib.remaining() : java.lang.reflect.Array.getLength(all);
        Object[] out = new Object[wantedFrames.length];
        for (int i = 0; i < wantedFrames.length; i++) {
            int start = wantedFrames[i] * perFrame;
            if (start + perFrame > available) {
                throw new DicomReadException(h.file(), String.format(
                        "decoded pixel data holds %d samples, frame %d needs samples %d..%d", available, wantedFrames[i] + 1, start, start + perFrame));
            }
            out[i] = copyRange(all, start, perFrame);
        }
        String photometric = new PixelMedHeader(list).str(Tags.PhotometricInterpretation).toUpperCase();
        if (!TransferSyntaxes.RLE.equals(h.transferSyntaxUid()) && !TransferSyntaxes.isDeflated(h.transferSyntaxUid())
                && f.isColor() && photometric.startsWith("YBR")) {
            photometric = "RGB"; // ImageIO's JPEG and JPEG 2000 readers return RGB samples
        }
        return new Decoded(out, photometric.isEmpty() ? f.photometric() : photometric);
    }

    private static Object copyRange(Object all, int start, int len) {
        if (all instanceof short[] s) return java.util.Arrays.copyOfRange(s, start, start + len);
        if (all instanceof byte[] b) return java.util.Arrays.copyOfRange(b, start, start + len);
        if (all instanceof float[] fl) return java.util.Arrays.copyOfRange(fl, start, start + len);
        java.nio.IntBuffer ib = (java.nio.IntBuffer) all;
        int[] a = new int[len];
        ib.get(start, a);
        return a;
    }
}
