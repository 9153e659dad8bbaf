package org.parsreader.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.study.Study;
import org.parsreader.study.StudyException;
import org.parsreader.study.StudyFile;
import org.parsreader.util.OutputFiles;

/**
 * Reading Study... {@code action=init} and {@code action=add}: the study file written as the
 * command line's {@code study init} / {@code study add} write it (checked by {@link Study#of}
 * before anything is written; never overwriting a study file on init; written whole or not at all).
 */
final class StudySetup {
    private StudySetup() {}

    private static final String C = ReadingStudyCommand.COMMAND;
    static final String INIT_EXAMPLE = "study=/data/study.json action=init cases=/data/cases readers=R1,R2 consensus=consensus seed=7 tolerance=[gap_width_mm=1]";

    static ReadingStudyCommand.Result init(MacroOptions o) throws IOException {
        Path study = Path.of(o.require(C, "study", INIT_EXAMPLE));
        if (Files.exists(study)) throw new StudyException(study + " exists already; a study file is not overwritten (edit it, or give another study=)");
        Path cases = Path.of(o.require(C, "cases", INIT_EXAMPLE));
        List<String> readers = Arrays.stream(o.require(C, "readers", INIT_EXAMPLE).split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        if (readers.size() != 2) throw new IllegalArgumentException(C + ": readers= needs the two independent readers, e.g. readers=R1,R2; got '" + String.join(",", readers) + "'");
        String consensus = o.get("consensus", "").trim(), third = o.get("third", "").trim();
        if (!consensus.isEmpty() && !third.isEmpty()) throw new IllegalArgumentException(C + ": give consensus= or third=, not both");
        String seedText = o.get("seed", "").trim();
        Long seed;
        try {
            seed = seedText.isEmpty() ? null : Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(C + ": seed '" + seedText + "' is not a whole number");
        }
        Map<String, Double> tolerances = new LinkedHashMap<>();
        for (String t : o.get("tolerance", "").split(",")) {
            if (t.isBlank()) continue;
            String[] kv = t.split("=", 2);
            try {
                tolerances.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(C + ": tolerance '" + t.trim() + "' is not FINDING=NUMBER, e.g. tolerance=[gap_width_mm=1]");
            }
        }
        ReadingTemplate t = ReadingTemplate.builtIn(o.get("template", "pars-injection").trim());
        Path dir = study.toAbsolutePath().normalize().getParent();
        String adj = !consensus.isEmpty() ? consensus : third.isEmpty() ? null : third;
        StudyFile f = StudyFile.create(o.get("title", "").isBlank() ? null : o.get("title", "").trim(), relative(dir, cases), null, readers, adj,
                third.isEmpty() ? StudyFile.Role.CONSENSUS : StudyFile.Role.THIRD, t.id(), t.version(), null, true, seed, tolerances);
        Study s = Study.of(study, f); // every problem before anything is written
        OutputFiles.createDirectories(dir);
        OutputFiles.write(study, out -> out.write(f.toJson()));
        return new ReadingStudyCommand.Result(null, null, List.of("study written to " + study + ": " + s.cases().size() + " cases, readers "
                + String.join(", ", readers) + (adj == null ? "" : ", " + (third.isEmpty() ? "consensus " : "third ") + adj) + ", template " + t.id()
                + " " + t.version() + ", seed " + f.seed()));
    }

    static ReadingStudyCommand.Result add(MacroOptions o) throws IOException {
        String ex = "study=/data/study.json action=add case=P135 (or reader=R3 role=third)";
        Path study = Path.of(o.require(C, "study", ex));
        Study s = Study.open(study);
        StudyFile f = s.data();
        List<String> cases = new ArrayList<>();
        for (String c : o.get("case", "").split(",")) if (!c.isBlank()) cases.add(c.trim());
        String reader = o.get("reader", "").trim();
        if (cases.isEmpty() && reader.isEmpty()) throw new IllegalArgumentException(C + ": action=add needs case= or reader=, e.g. " + ex);
        if (!cases.isEmpty() && f.cases().list() == null) {
            throw new StudyException(study + " takes every case folder in " + s.casesFolder() + "; put the new case folders there, nothing to add");
        }
        for (String c : cases) f = f.withCase(c);
        if (!reader.isEmpty()) {
            StudyFile.Role r;
            try {
                r = StudyFile.Role.parse(o.get("role", "third").trim());
            } catch (IllegalArgumentException e) {
                throw new StudyException("role=: " + e.getMessage());
            }
            f = f.withReader(new StudyFile.Reader(reader, r));
        }
        Study.of(study, f); // checked before it is written
        StudyFile written = f;
        OutputFiles.write(study, out -> out.write(written.toJson()));
        return new ReadingStudyCommand.Result(null, null, List.of(study + ": " + (cases.isEmpty() ? "" : cases.size() + " case(s) added ")
                + (reader.isEmpty() ? "" : "reader " + reader + " added") + "; existing worklist orders unchanged"));
    }

    private static String relative(Path dir, Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(dir) ? dir.relativize(a).toString().replace('\\', '/') : a.toString();
    }
}
