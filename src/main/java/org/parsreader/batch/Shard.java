package org.parsreader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard {@code index} of {@code count} (1-based, as Slurm array task ids usually are): the
 * cases at positions index-1, index-1+count, ... of the cohort sorted by folder name. Every
 * case falls in exactly one shard, and the split depends only on the folder names.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": needs 1 <= i <= n (e.g. 2/8 is the second of eight)");
        }
    }

    /** "i/n". */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/");
        try {
            if (p.length == 2) return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("shard '" + text + "' must be i/n, e.g. 2/8 (1-based)");
    }

    /** This shard's part of {@code sorted}. */
    public <T> List<T> select(List<T> sorted) {
        List<T> out = new ArrayList<>();
        for (int k = index - 1; k < sorted.size(); k += count) out.add(sorted.get(k));
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
