// Pars Reader: open a case, mark a pars gap on the post-contrast CT, record findings.
// Change the folder, series row and coordinates to your case. Every command saves before the next line runs.
case = getDirectory("Choose a case folder (DICOM files, any depth)");
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
