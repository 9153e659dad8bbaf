package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code findings set CASE --reader ID --finding F --level L [--side S] (--value V | --not-assessable REASON)}:
 * sets one value in a reader's findings of a case and saves it through the store (locked,
 * atomic, versioned, audited; a frozen read is refused).
 */
@Command(name = "set", description = "Set one value in a reader's findings of a case (saved atomically, versioned and audited; "
        + "a frozen read is refused).",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings set sample-data/case-001 --reader R1 \\",
            "      --finding pfirrmann --level L4 --value 3",
            "  pars-reader findings set sample-data/case-001 --reader R1 \\",
            "      --finding hollenberg --level L5 --side left --not-assessable motion"})
final class FindingsSetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CASE", description = "the case folder")
    Path caseDir;

    @Option(names = "--reader", required = true, paramLabel = "ID", description = "the reader")
    String reader;

    @Option(names = "--role", paramLabel = "ROLE", description = "R1, R2 or consensus (default: as the reader's findings say, else R1)")
    String role;

    @Option(names = "--finding", required = true, paramLabel = "ID", description = "a finding of the template, e.g. pars_defect")
    String finding;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "e.g. L5 or L5-S1")
    String level;

    @Option(names = "--side", paramLabel = "SIDE", description = "left or right, for findings recorded per side")
    String side;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what;

    @Option(names = "--confidence", paramLabel = "1-5",
            description = "the reader's confidence in the value, 1 a guess to 5 certain (findings whose template declares it)")
    Integer confidence;

    static final class What {
        @Option(names = "--value", paramLabel = "V", description = "a choice, choices joined by '|', a number, or yes/no")
        String value;

        @Option(names = "--not-assessable", paramLabel = "REASON",
                description = "the reader could not assess the finding, because of: motion, artefact or not_in_field_of_view")
        String notAssessable;
    }

    @Option(names = "--template", paramLabel = "ID|FILE", description = "the reading template (default: the one the findings name, else pars-injection)")
    String template;

    @Option(names = "--pseudonyms", paramLabel = "FILE", description = "the pseudonym list, for a reader's first findings in the case")
    Path registry;

    @Option(names = "--who", paramLabel = "NAME", description = "who is making the change, for the audit log (default: the login name)")
    String who;

    @Override
    public Integer call() throws IOException {
        Optional<byte[]> existing = CaseFindings.store(caseDir).read(reader);
        FindingsDocument doc = existing.isEmpty() ? null : FindingsJson.read(existing.get(), reader + FindingsJson.FILE_SUFFIX);
        Role r = role != null ? Role.parse(role) : doc == null ? Role.R1 : doc.reader().role();
        ReadingTemplate t = template(doc);
        Side s = side == null || side.isBlank() || side.equalsIgnoreCase("none") ? null : Side.parse(side);
        if (what == null && confidence == null) {
            throw new IllegalArgumentException("give --value V, --not-assessable REASON or --confidence N (or a value with a confidence)");
        }
        String text = what == null ? null : what.value != null ? what.value : Value.NotAssessable.PREFIX + what.notAssessable;
        String by = who == null || who.isBlank() ? System.getProperty("user.name", "cli") : who;
        String change = "set " + finding + " " + level + (s == null ? "" : " " + s.label())
                + (text == null ? "" : " = " + text.trim()) + (confidence == null ? "" : " (confidence " + confidence + ")");
        try (CaseFindings f = CaseFindings.openCase(caseDir, new FindingsDocument.Reader(reader, r), t,
                registry != null ? registry : CaseFindings.defaultRegistry(caseDir), by)) {
            if (text != null) f.editor().set(finding, level, s, text);
            if (confidence != null) f.editor().setConfidence(finding, level, s, confidence);
            f.save(change + " (findings set)");
        }
        System.out.println(change + " (" + reader + ", " + caseDir + ")");
        return 0;
    }

    private ReadingTemplate template(FindingsDocument doc) throws IOException {
        String id = template != null ? template : doc != null && doc.template() != null ? doc.template().id() : "pars-injection";
        Path file = Path.of(id);
        if (id.endsWith(".json") || java.nio.file.Files.isRegularFile(file)) return ReadingTemplate.fromFile(file);
        return ReadingTemplate.builtIn(id);
    }
}
