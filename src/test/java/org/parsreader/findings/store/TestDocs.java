package org.parsreader.findings.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Self-checking test documents: {@code {"seq":N,"seed":S,"size":L,"sha256":"..","payload":".."}}.
 * The same (seed, seq, sizes) always gives the same bytes, so a test can tell exactly which
 * document a file holds, and {@link #CHECK} recognises any truncation or corruption.
 */
final class TestDocs {
    static final IntegrityCheck CHECK = TestDocs::problem;
    private static final Pattern HEADER = Pattern.compile(
            "\\{\"seq\":(\\d+),\"seed\":(-?\\d+),\"size\":(\\d+),\"sha256\":\"([0-9a-f]{64})\",\"payload\":\"");
    private static final byte[] TAIL = "\"}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz01234 ".getBytes(StandardCharsets.US_ASCII);

    private TestDocs() {
    }

    /** Document {@code seq} of a series; its size is drawn in [minSize, maxSize]. */
    static byte[] generate(long seed, long seq, int minSize, int maxSize) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + seq);
        int size = minSize + random.nextInt(maxSize - minSize + 1);
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i += 8) {
            long bits = random.nextLong(); // eight characters per draw: generation must not dominate a save
            for (int k = 0; k < 8 && i + k < size; k++, bits >>>= 8) {
                payload[i + k] = ALPHABET[(int) (bits & 31)];
            }
        }
        byte[] header = ("{\"seq\":" + seq + ",\"seed\":" + seed + ",\"size\":" + size + ",\"sha256\":\""
                + AuditEntry.sha256(payload) + "\",\"payload\":\"").getBytes(StandardCharsets.US_ASCII);
        byte[] doc = Arrays.copyOf(header, header.length + size + TAIL.length);
        System.arraycopy(payload, 0, doc, header.length, size);
        System.arraycopy(TAIL, 0, doc, header.length + size, TAIL.length);
        return doc;
    }

    static Optional<String> problem(byte[] doc) {
        String head = new String(doc, 0, Math.min(doc.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(head);
        if (!m.lookingAt()) {
            return Optional.of("not a test document: no header");
        }
        int size = Integer.parseInt(m.group(3));
        int start = m.end();
        if (doc.length != start + size + TAIL.length) {
            return Optional.of("length " + doc.length + ", expected " + (start + size + TAIL.length) + " (truncated?)");
        }
        if (!Arrays.equals(doc, start + size, doc.length, TAIL, 0, TAIL.length)) {
            return Optional.of("document does not end with the closing brace");
        }
        String sha = AuditEntry.sha256(Arrays.copyOfRange(doc, start, start + size));
        return sha.equals(m.group(4)) ? Optional.empty() : Optional.of("payload checksum mismatch");
    }

    static long seqOf(byte[] doc) {
        Matcher m = HEADER.matcher(new String(doc, 0, Math.min(doc.length, 200), StandardCharsets.ISO_8859_1));
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("not a test document");
        }
        return Long.parseLong(m.group(1));
    }
}
