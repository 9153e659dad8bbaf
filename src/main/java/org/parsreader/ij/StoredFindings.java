package org.parsreader.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.store.FindingsStore;

/** Read-only access to stored findings: no lock taken, nothing written (list, validate, export, macro calls). */
final class StoredFindings {
    private StoredFindings() {}

    /** A reader's findings of a case; throws naming the case and reader when there are none. */
    static FindingsDocument read(Path caseDir, String readerId) throws IOException {
        if (!Files.isDirectory(caseDir)) throw new IllegalArgumentException("case folder not found: " + caseDir);
        FindingsStore store = CaseFindings.store(caseDir);
        Optional<byte[]> bytes = store.read(FindingsStore.requireReaderId(readerId));
        if (bytes.isEmpty()) throw new IllegalArgumentException("no findings of reader " + readerId + " in " + caseDir);
        return FindingsJson.read(bytes.get(), store.file(readerId).toString());
    }

    /** The template a document names (built in), or {@code given} when not null. */
    static ReadingTemplate template(FindingsDocument d, ReadingTemplate given) {
        return given != null ? given : ReadingTemplate.builtIn(d.template().id());
    }

    /** A findings file, or every *.findings.json beneath a folder (one case or a folder of cases), sorted; old versions excluded. */
    static List<Path> files(Path fileOrFolder) throws IOException {
        if (Files.isRegularFile(fileOrFolder)) return List.of(fileOrFolder);
        if (!Files.isDirectory(fileOrFolder)) throw new IllegalArgumentException("not found: " + fileOrFolder);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(fileOrFolder)) {
            s.filter(f -> f.getFileName().toString().endsWith(FindingsStore.FILE_SUFFIX) && Files.isRegularFile(f))
                    .filter(f -> !fileOrFolder.relativize(f).toString().replace('\\', '/').contains(".versions/"))
                    .sorted().forEach(out::add);
        }
        return out;
    }
}
