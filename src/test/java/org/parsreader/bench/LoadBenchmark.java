package org.parsreader.bench;

import com.pixelmed.dicom.AttributeList;
import ij.ImagePlus;
import ij.plugin.FolderOpener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.TestDicomAccess;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * Load and index speed against the floor (raw read of the same bytes) and what users would
 * use instead (ImageJ's FolderOpener, PixelMed's own read, dcm2niix), in one process, warm
 * page cache, median of repeated runs. Run with scripts/bench.sh; results go to BENCHMARKS.md.
 */
public final class LoadBenchmark {
    static final int RUNS = Integer.getInteger("bench.runs", 7);
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench-data");
        Path ct = data.resolve("ct400");
        Path jpeg = data.resolve("jpegll200");
        Path index = data.resolve("index3000");
        Path jpegLs = data.resolve("jpegls200");
        Path jpegLsNear = data.resolve("jplsnear200");
        prepare(ct, 400);
        prepareJpeg(ct, jpeg, 200);
        prepareJpegLs(ct, jpegLs, 200);
        prepareJpegLs(ct, jpegLsNear, 200, "+en", "+md", "2");
        if (args.length > 1 && args[1].equals("jpegls")) {
            jpegLsRows(ct, jpeg, jpegLs, jpegLsNear);
            return;
        }
        prepare(index, 3000);
        System.out.printf(Locale.ROOT, "# Pars Reader load benchmark: %d cores, %s, heap %d MB, median of %d runs, warm cache%n%n",
                THREADS, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, RUNS);
        System.out.println("| case | method | median s | vs raw read |");
        System.out.println("|---|---|---:|---:|");

        double raw = time(() -> rawRead(ct, THREADS));
        row("400 x 512x512 CT, uncompressed", "raw read of the bytes (" + THREADS + " threads)", raw, raw);
        row("", "raw read of the bytes (1 thread)", time(() -> rawRead(ct, 1)), raw);
        row("", "read every file into a new byte[] (Files.readAllBytes, " + THREADS + " threads)", time(() -> readAllBytes(ct, THREADS)), raw);
        row("", "**Pars Reader: index + calibrated volume**", time(() -> oursFull(ct)), raw);
        StudyIndex ctIndex = StudyScanner.scan(ct);
        row("", "Pars Reader: calibrated volume from index", time(() -> VolumeLoader.load(ctIndex.stacks().get(0))), raw);
        row("", "ImageJ FolderOpener", time(() -> folderOpener(ct)), raw);
        row("", "PixelMed AttributeList.read + getShortValues (" + THREADS + " threads)", time(() -> pixelmedRead(ct, THREADS)), raw);

        double rawJ = time(() -> rawRead(jpeg, THREADS));
        row("200 x 512x512 CT, JPEG lossless SV1", "raw read of the bytes (" + THREADS + " threads)", rawJ, rawJ);
        row("", "**Pars Reader: index + calibrated volume**", time(() -> oursFull(jpeg)), rawJ);
        row("", "PixelMed AttributeList.read, decompressing, + getShortValues (" + THREADS + " threads)", time(() -> pixelmedRead(jpeg, THREADS)), rawJ);

        jpegLsRows(null, jpeg, jpegLs, jpegLsNear);

        double rawI = time(() -> rawRead(index, THREADS));
        row("3,000 files, header-only index", "raw read of the bytes (" + THREADS + " threads)", rawI, rawI);
        row("", "read every file into a new byte[] (" + THREADS + " threads)", time(() -> readAllBytes(index, THREADS)), rawI);
        row("", "**Pars Reader: StudyScanner.scan**", time(() -> StudyScanner.scan(index)), rawI);
        check(ct, jpeg);
        check(ct, jpegLs);
    }

    /** JPEG-LS (issue 11): the loader, and the decoder alone on one warm thread, against the raw read. */
    static void jpegLsRows(Path ct, Path jpeg, Path jpegLs, Path jpegLsNear) throws Exception {
        if (ct != null) {
            System.out.printf(Locale.ROOT, "# JPEG-LS: %d cores, %s, median of %d runs, warm cache%n%n", THREADS,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), RUNS);
            System.out.println("| case | method | median s | vs raw read |");
            System.out.println("|---|---|---:|---:|");
            // the same slices as JPEG lossless, for scale: how loaded the machine is in this run
            double rawJ = time(() -> rawRead(jpeg, THREADS));
            row("200 x 512x512 CT, JPEG lossless SV1 (for scale)", "raw read of the bytes (" + THREADS + " threads)", rawJ, rawJ);
            row("", "Pars Reader: index + calibrated volume", time(() -> oursFull(jpeg)), rawJ);
        }
        for (Path dir : List.of(jpegLs, jpegLsNear)) {
            String name = dir == jpegLs ? "200 x 512x512 CT, JPEG-LS lossless (dcmcjpls)" : "200 x 512x512 CT, JPEG-LS near-lossless NEAR 2 (dcmcjpls +en +md 2)";
            double raw = time(() -> rawRead(dir, THREADS));
            row(name, "raw read of the bytes (" + THREADS + " threads)", raw, raw);
            row("", "**Pars Reader: index + calibrated volume**", time(() -> oursFull(dir)), raw);
            byte[][] frames = org.parsreader.dicom.codec.JpegLsBench.framesOf(files(dir));
            row("", "JpegLsDecoder alone, frames in memory (1 thread)", time(() -> org.parsreader.dicom.codec.JpegLsBench.decodeAll(frames)), raw);
        }
        if (ct != null) check(ct, jpegLs);
    }
    static void row(String c, String method, double s, double raw) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.2fx |%n", c, method, s, s / raw);
    }

    /**
     * Median wall time in seconds after one warm-up run. Each run starts from a collected heap
     * (untimed), so no method pays for the garbage another left behind.
     */
    static double time(Supplier<Object> task) {
        task.get();
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            long t0 = System.nanoTime();
            Object keep = task.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
            if (keep == null) throw new IllegalStateException("benchmark task returned nothing");
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    static Object oursFull(Path dir) {
        StudyIndex idx = StudyScanner.scan(dir);
        Volume v = VolumeLoader.load(idx.stacks().get(0), ProgressListener.NONE);
        if (v.invalidSliceCount() > 0) throw new IllegalStateException(v.slices().stream().filter(s -> !s.valid()).findFirst().get().problem());
        return v;
    }

    static Object folderOpener(Path dir) {
        ImagePlus imp = FolderOpener.open(dir.toString());
        if (imp == null || imp.getStackSize() == 0) throw new IllegalStateException("FolderOpener opened nothing");
        return imp;
    }

    static List<Path> files(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every byte of every file into a reused buffer per thread: the floor for any loader. */
    static Object rawRead(Path dir, int threads) {
        List<Path> files = files(dir);
        return parallel(files, threads, part -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long total = 0;
            for (Path f : part) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                    long size = ch.size();
                    if (buf.capacity() < size) buf = ByteBuffer.allocateDirect((int) size);
                    buf.clear();
                    while (buf.position() < size && ch.read(buf) >= 0) { }
                    total += buf.position();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return total;
        });
    }

    static Object readAllBytes(Path dir, int threads) {
        return parallel(files(dir), threads, part -> {
            long n = 0;
            for (Path f : part) {
                try {
                    n += Files.readAllBytes(f).length;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return n;
        });
    }

    static Object pixelmedRead(Path dir, int threads) {
        return parallel(files(dir), threads, part -> {
            long n = 0;
            for (Path f : part) {
                try {
                    AttributeList l = new AttributeList();
                    l.read(f.toFile());
                    // PixelMed leaves large pixel data on disk until asked: ask, or nothing is measured
                    com.pixelmed.dicom.Attribute pd = l.get(org.parsreader.dicom.Tags.at(org.parsreader.dicom.Tags.PixelData));
                    n += pd.getShortValues().length;
                } catch (Exception e) {
                    throw new IllegalStateException(f + ": " + e, e);
                }
            }
            return n;
        });
    }

    interface Part {
        long run(List<Path> part);
    }

    static Object parallel(List<Path> files, int threads, Part work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> fs = new ArrayList<>();
            int chunk = (files.size() + threads - 1) / threads;
            for (int i = 0; i < files.size(); i += chunk) {
                List<Path> part = files.subList(i, Math.min(files.size(), i + chunk));
                fs.add(pool.submit(() -> work.run(part)));
            }
            long sum = 0;
            for (Future<Long> f : fs) sum += f.get();
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    static void prepare(Path dir, int n) throws Exception {
        if (Files.isDirectory(dir) && files(dir).size() == n) return;
        Files.createDirectories(dir);
        System.err.println("generating " + n + " CT files in " + dir);
        SplittableRandom rnd = new SplittableRandom(20261121);
        String uid = "1.2.826.0.1.3680043.9.7133.9." + n;
        for (int k = 0; k < n; k++) TestDicomAccess.writeBenchSlice(dir.resolve(String.format("CT%05d.dcm", k)), uid, k, 512, rnd);
    }

    /** JPEG lossless SV1 copies made by dcmtk's dcmcjpeg, as a PACS would store them. */
    static void prepareJpeg(Path src, Path dir, int n) throws Exception {
        if (Files.isDirectory(dir) && files(dir).size() == n) return;
        Files.createDirectories(dir);
        System.err.println("compressing " + n + " files with dcmcjpeg +e1 into " + dir);
        List<Path> in = files(src);
        for (int k = 0; k < n; k++) {
            Process p = new ProcessBuilder("dcmcjpeg", "+e1", in.get(k).toString(), dir.resolve(in.get(k).getFileName()).toString())
                    .redirectErrorStream(true).start();
            if (p.waitFor() != 0) throw new IllegalStateException("dcmcjpeg failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    /** JPEG-LS copies made by dcmtk's dcmcjpls (lossless by default), as a PACS would store them. */
    static void prepareJpegLs(Path src, Path dir, int n, String... options) throws Exception {
        if (Files.isDirectory(dir) && files(dir).size() == n) return;
        Files.createDirectories(dir);
        System.err.println("compressing " + n + " files with dcmcjpls " + String.join(" ", options) + " into " + dir);
        List<Path> in = files(src);
        for (int k = 0; k < n; k++) {
            List<String> cmd = new java.util.ArrayList<>(List.of("dcmcjpls"));
            cmd.addAll(List.of(options));
            cmd.addAll(List.of(in.get(k).toString(), dir.resolve(in.get(k).getFileName()).toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (p.waitFor() != 0) throw new IllegalStateException("dcmcjpls failed: " + new String(p.getInputStream().readAllBytes()));
            // the generated slices lack HighBit (0028,0102), which dcmdjpls needs to decode them (we do not)
            p = new ProcessBuilder("dcmodify", "-nb", "-i", "(0028,0102)=11", dir.resolve(in.get(k).getFileName()).toString())
                    .redirectErrorStream(true).start();
            if (p.waitFor() != 0) throw new IllegalStateException("dcmodify failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    /** The JPEG volume must equal the uncompressed one voxel for voxel, or the timing means nothing. */
    static void check(Path ct, Path jpeg) {
        Volume a = (Volume) oursFull(jpeg);
        Volume b = VolumeLoader.load(StudyScanner.scan(ct).stacks().get(0));
        for (int k = 0; k < a.depth(); k++) {
            if (!Arrays.equals((short[]) a.slice(k), (short[]) b.slice(k + b.depth() - a.depth()))) {
                throw new IllegalStateException(jpeg.getFileName() + " slice " + k + " differs from the original");
            }
        }
        System.out.println("\n(check: the " + jpeg.getFileName() + " volume equals the uncompressed one voxel for voxel)");
    }
}
