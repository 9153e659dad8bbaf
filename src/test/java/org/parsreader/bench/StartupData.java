package org.parsreader.bench;

import java.nio.file.Path;

/**
 * Makes only the data of the start-up benchmark (issue 16): the 400-slice 512x512 CT and the
 * 3,000 files of the index, the same files {@link LoadBenchmark} makes (same generator, same seed).
 */
public final class StartupData {
    private StartupData() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench-data");
        LoadBenchmark.prepare(data.resolve("ct400"), 400);
        LoadBenchmark.prepare(data.resolve("index3000"), 3000);
    }
}
