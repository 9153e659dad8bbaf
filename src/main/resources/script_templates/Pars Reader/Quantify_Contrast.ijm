// Pars Reader: contrast on the post-contrast CT (row #6) with the needle-check CT (row #5) subtracted,
// seeded in the sample case's left L5 pars defect (patient mm, DICOM LPS: see ground-truth.json); stores the
// volume and the compartments reached in R1's findings, opens the region as a calibrated mask stack and
// ImageJ's 3D projection of it. To seed where you click instead: makePoint(x, y) or the point tool, then seed=roi.
// Every segmentation parameter is an option (defaults shown in the dialog), e.g. max_radius_mm=40;
// without baseline=, the per-case bone model separates contrast from bone.
// The folder: the first argument (ImageJ -batch THIS.ijm FOLDER), else the line below. "sample-data/..."
// is the sample data in the Pars Reader repository (start ImageJ there, or put its full path here).
// With a display, a folder that does not exist is asked for; headless it is an error that names it.
case = "sample-data/case-001";
if (getArgument() != "") case = getArgument();
case = parsReaderFolder(case, "Choose a case folder");
run("Open Study...", "folder=[" + case + "] series=#6");
// the compartments to check, outlined on the post-contrast CT (pixels of the sample case: the left L5 pars
// defect on slice 10, the left L5-S1 facet joint on slice 16); compartments reached are measured inside them
setSlice(10); makePolygon(94,70,106,70,106,78,94,78);
run("Findings Add ROI...", "case=[" + case + "] reader=R1 finding=contrast_compartments level=L5 side=left label=pars_defect");
setSlice(16); makePolygon(96,63,108,63,108,75,96,75);
run("Findings Add ROI...", "case=[" + case + "] reader=R1 finding=contrast_compartments level=L5 side=left label=caudal_facet");
seed = "16.5,52,-499.5";
run("Quantify Contrast...", "seed=" + seed + " baseline=[#5] max_radius_mm=40 record case=[" + case + "] reader=R1 level=L5 side=left compartments overlay=outline colour=yellow mask project");

function parsReaderFolder(folder, prompt) {
    registered = call("org.parsreader.ij.Headless.install");   // plain ImageJ headless (ImageJ -batch): registers Pars Reader's commands
    if (File.isDirectory(folder)) return folder;
    if (call("java.awt.GraphicsEnvironment.isHeadless") == "true")
        exit("Pars Reader: folder " + folder + " not found (sample-data/ comes with the Pars Reader repository; start ImageJ there, pass the folder as the macro's argument, or generate it: java -jar Pars_Reader.jar generate-sample sample-data/case-001)");
    return getDirectory(prompt);
}
