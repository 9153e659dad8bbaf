// Pars Reader: open a case, mark a pars gap on the post-contrast CT, record findings.
// Change the folder, series row and coordinates to your case. Every command saves before the next line runs.
// The folder: the first argument (ImageJ -batch THIS.ijm FOLDER), else the line below. "sample-data/..."
// is the sample data in the Pars Reader repository (start ImageJ there, or put its full path here).
// With a display, a folder that does not exist is asked for; headless it is an error that names it.
case = "sample-data/case-001";
if (getArgument() != "") case = getArgument();
case = parsReaderFolder(case, "Choose a case folder (DICOM files, any depth)");
run("Open Study...", "folder=[" + case + "] series=#6 table");
setSlice(10);
makeLine(99, 74, 102, 74); // the left L5 pars: patient left (+x) is the right half of the image
run("Findings Add ROI...", "case=[" + case + "] reader=R1 finding=gap_width_mm level=L5 side=left");
run("Findings Set...", "case=[" + case + "] reader=R1 finding=pars_defect level=L5 side=left value=complete");
run("Findings Set...", "case=[" + case + "] reader=R1 finding=bme_location level=L5 side=left value=pars|pedicle");
run("Findings Validate...", "case=[" + case + "] reader=R1");
v = call("org.parsreader.ij.FindingsMacro.get", case, "R1", "pars_defect", "L5", "left");
if (startsWith(v, "error:")) exit(v);
print("pars_defect L5 left = " + v);

function parsReaderFolder(folder, prompt) {
    registered = call("org.parsreader.ij.Headless.install");   // plain ImageJ headless (ImageJ -batch): registers Pars Reader's commands
    if (File.isDirectory(folder)) return folder;
    if (call("java.awt.GraphicsEnvironment.isHeadless") == "true")
        exit("Pars Reader: folder " + folder + " not found (sample-data/ comes with the Pars Reader repository; start ImageJ there, pass the folder as the macro's argument, or generate it: java -jar Pars_Reader.jar generate-sample sample-data/case-001)");
    return getDirectory(prompt);
}
