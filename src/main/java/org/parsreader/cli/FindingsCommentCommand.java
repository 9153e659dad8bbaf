package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code findings comment CASE --reader ID --level L --text T}: a reader's free-text comment on a level (empty text removes it). */
@Command(name = "comment", description = "Set (or with --text \"\" remove) a reader's free-text comment on a level of an existing read "
        + "(saved atomically, versioned and audited; a frozen read is refused).",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings comment sample-data/case-001 --reader R1 \\",
            "      --level L5 --text \"left pars: defect seen on two slices only\""})
final class FindingsCommentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CASE", description = "the case folder")
    Path caseDir;

    @Option(names = "--reader", required = true, paramLabel = "ID", description = "the reader")
    String reader;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "e.g. L5")
    String level;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the comment (at most 2000 characters)")
    String text;

    @Option(names = "--who", paramLabel = "NAME", description = "who is making the change, for the audit log (default: the login name)")
    String who;

    @Override
    public Integer call() throws IOException {
        byte[] existing = CaseFindings.store(caseDir).read(reader).orElseThrow(() -> new FindingsException(
                "reader " + reader + " has no findings in " + caseDir + "; a comment belongs to a read (set a value first)"));
        FindingsDocument doc = FindingsJson.read(existing, reader + FindingsJson.FILE_SUFFIX);
        ReadingTemplate t = ReadingTemplate.builtIn(doc.template().id());
        String by = who == null || who.isBlank() ? System.getProperty("user.name", "cli") : who;
        String change = (text.isBlank() ? "removed the comment on " : "commented on ") + level;
        try (CaseFindings f = CaseFindings.open(caseDir, doc.reader(), t, doc.pseudonym(), doc.studyInstanceUids(), by)) {
            f.editor().comment(level, text);
            f.save(change + " (findings comment)");
        }
        System.out.println(change + " (" + reader + ", " + caseDir + ")");
        return 0;
    }
}
