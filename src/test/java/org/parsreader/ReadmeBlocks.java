package org.parsreader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The fenced code blocks of README.md, for the tests that run its examples. */
public final class ReadmeBlocks {
    private ReadmeBlocks() {}

    public record Block(String language, int line, List<String> lines) {
        public String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** Every fenced block whose language is one of {@code languages}, in order (indented fences too). */
    public static List<Block> of(Set<String> languages) throws IOException {
        List<String> all = Files.readAllLines(Path.of("README.md"));
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String t = all.get(i).strip();
            if (!t.startsWith("```") || t.length() == 3) continue;
            String lang = t.substring(3).strip();
            int start = i + 1;
            int end = start;
            while (end < all.size() && !all.get(end).strip().equals("```")) end++;
            if (languages.contains(lang)) out.add(new Block(lang, start, List.copyOf(all.subList(start, end))));
            i = end;
        }
        return out;
    }
}
