package org.parsreader.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;

/**
 * The options every editing findings command shares: which case, which reader (and role),
 * which reading template, where the pseudonym list is, and who is at the keyboard (for the
 * audit log). {@link #edit} opens the reader's findings, makes one change, saves and closes,
 * so a macro line is always saved when it returns.
 *
 * @param role null: the role of the reader's existing findings, or R1 for new findings
 */
public record CaseOptions(Path caseDir, String readerId, Role role, ReadingTemplate template, Path registry, String who) {
    static final String CASE = "case";
    static final String READER = "reader";
    static final String ROLE = "role";
    static final String TEMPLATE = "template";
    static final String PSEUDONYMS = "pseudonyms";
    static final String WHO = "who";
    static final Set<String> KEYS = Set.of(CASE, READER, ROLE, TEMPLATE, PSEUDONYMS, WHO);
    static final String DEFAULT_TEMPLATE = "pars-injection";
    /** ImagePlus property Open Study sets to the case folder of the image. */
    static final String CASE_PROPERTY = "ParsReader.Case";
    static final String EXAMPLE = "case=/data/case-001 reader=R1";
    private static final String READER_ID = "[A-Za-z0-9_-]{1,40}";
    private static final String[] ROLES = {"R1", "R2", "consensus"};

    public CaseOptions {
        if (caseDir == null) throw new IllegalArgumentException("case folder is missing");
        if (!Files.isDirectory(caseDir)) throw new IllegalArgumentException("case folder not found: " + caseDir);
        if (readerId == null || !readerId.matches(READER_ID)) {
            throw new IllegalArgumentException("reader '" + readerId + "' must be 1-40 letters, digits, '_' or '-' (it names the findings file)");
        }
        if (template == null) template = ReadingTemplate.builtIn(DEFAULT_TEMPLATE);
        if (registry == null) registry = CaseFindings.defaultRegistry(caseDir);
        if (who == null || who.isBlank()) who = System.getProperty("user.name", "unknown");
    }

    /** The given keys plus the common ones. */
    static Set<String> keys(String... more) {
        Set<String> all = new HashSet<>(KEYS);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** The common options from parsed macro options; {@code case} and {@code reader} are required. */
    static CaseOptions from(String command, MacroOptions o) {
        Path caseDir = Path.of(o.require(command, CASE, EXAMPLE));
        String reader = o.require(command, READER, EXAMPLE);
        String role = o.get(ROLE, "");
        return new CaseOptions(caseDir, reader, role.isEmpty() ? null : Role.parse(role), template(o.get(TEMPLATE, "")),
                pathOrNull(o.get(PSEUDONYMS, "")), o.get(WHO, null));
    }

    /** A built-in template id, or the path of a study's own template file. */
    public static ReadingTemplate template(String idOrFile) {
        String s = idOrFile == null ? "" : idOrFile.trim();
        if (s.isEmpty()) return ReadingTemplate.builtIn(DEFAULT_TEMPLATE);
        if (ReadingTemplate.BUILT_IN.contains(s)) return ReadingTemplate.builtIn(s);
        Path file = Path.of(s);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("template '" + s + "' is neither built in (" + String.join(", ", ReadingTemplate.BUILT_IN)
                    + ") nor a template file");
        }
        try {
            return ReadingTemplate.fromFile(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.trim());
    }

    /** Adds the common fields (labels are the macro keys, so the recorder records {@code key=value}). */
    static void addFields(GenericDialog gd) {
        gd.addDirectoryField(CASE, currentCase(), 40);
        gd.addStringField(READER, "R1", 10);
        gd.addChoice(ROLE, ROLES, ROLES[0]);
        gd.addStringField(TEMPLATE, DEFAULT_TEMPLATE, 20);
        gd.addStringField(PSEUDONYMS, "", 40);
        gd.addMessage("pseudonyms: empty = <cases folder>.pseudonyms.csv beside the folder of cases (outside it)");
        gd.addStringField(WHO, System.getProperty("user.name", ""), 15);
    }

    /** Reads the fields {@link #addFields} added, in the same order. */
    static CaseOptions fromDialog(GenericDialog gd) {
        Path caseDir = Path.of(gd.getNextString().trim());
        String reader = gd.getNextString().trim();
        Role role = Role.parse(gd.getNextChoice());
        ReadingTemplate template = template(gd.getNextString());
        Path registry = pathOrNull(gd.getNextString());
        String who = gd.getNextString().trim();
        return new CaseOptions(caseDir, reader, role, template, registry, who);
    }

    /** The case folder of the current image, when Open Study opened it. */
    static String currentCase() {
        ImagePlus imp = WindowManager.getCurrentImage();
        Object c = imp == null ? null : imp.getProperty(CASE_PROPERTY);
        return c == null ? "" : c.toString();
    }

    /** The reader with its role: as given, else as the existing findings say, else R1. */
    FindingsDocument.Reader reader() throws IOException {
        if (role != null) return new FindingsDocument.Reader(readerId, role);
        Optional<byte[]> existing = CaseFindings.store(caseDir).read(readerId);
        Role r = existing.isEmpty() ? Role.R1 : FindingsJson.read(existing.get(), readerId + ".findings.json").reader().role();
        return new FindingsDocument.Reader(readerId, r);
    }

    /**
     * Opens the reader's findings (locked), applies {@code change}, saves with the audit text
     * {@code what(result)}, closes. Nothing is saved when {@code change} throws.
     */
    <T> T edit(Function<FindingsEditor, T> change, Function<T, String> what) throws IOException {
        try (CaseFindings f = CaseFindings.openCase(caseDir, reader(), template, registry, who)) {
            T result = change.apply(f.editor());
            f.save(what.apply(result));
            return result;
        }
    }
}
