package org.parsreader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code info PATH}: the study index of a folder. */
@Command(name = "info", description = "Scan a folder (or file) of DICOM headers and list patients, studies, series and stacks.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader info sample-data/case-001",
            "  pars-reader info --json sample-data/case-001"})
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "DICOM folder (any depth), single file, or DICOMDIR file (exactly the files it references)")
    Path path;

    @Option(names = "--json", description = "print the index as JSON")
    boolean json;

    @Option(names = "--identify", description = "show patient names, IDs and birth dates (hidden by default)")
    boolean identify;

    @Override
    public Integer call() {
        StudyIndex index = StudyScanner.scan(path, TerminalProgress.forStderr("Scanning"));
        System.out.println(json ? Json.write(IndexReport.toMap(index, identify)) : IndexReport.toText(index, identify));
        return 0;
    }
}
