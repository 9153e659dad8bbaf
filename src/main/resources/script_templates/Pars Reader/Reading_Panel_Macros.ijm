// Pars Reader: read a case with the reading macros, as the reading panel does it.
// Every panel button is one of these commands, and the macro Recorder records them.
// The coordinates are those of sample-data/case-001 (patient mm, DICOM LPS); change them for your case.
// The folder: the first argument (ImageJ -batch THIS.ijm FOLDER), else the line below. "sample-data/..."
// is the sample data in the Pars Reader repository (start ImageJ there, or put its full path here).
// With a display, a folder that does not exist is asked for; headless it is an error that names it.
case = "sample-data/case-001";
if (getArgument() != "") case = getArgument();
case = parsReaderFolder(case, "Choose a case folder (DICOM files, any depth)");
// blinded by default; 'nopanel' reads without the panel window (as headless)
run("Read Case...", "case=[" + case + "] reader=R1 role=R1 template=pars-injection nopanel");

// levels: L5 and S1 on the T2 (the other levels are proposed from them), and on the CT's own frame
run("Reading Mark Level...", "level=L5 series=t2 point=1.5,-20,-52");
run("Reading Mark Level...", "level=S1 series=t2 point=1.5,-20,-87");
run("Reading Mark Level...", "level=L5 series=ct point=-3.5,18,-482");
run("Reading Mark Level...", "level=S1 series=ct point=-3.5,18,-517");
print(call("org.parsreader.ij.panel.ReadingCommand.call", "go-to", "level=L5 side=left"));   // the slice on each series

// findings from the template's vocabulary
run("Reading Set...", "finding=pars_defect level=L5 side=left value=complete");
run("Reading Set...", "finding=bme_isthmic level=L5 side=left value=yes");
run("Reading Set...", "finding=bme_ref_type level=L5 side=left value=normal_marrow");

// ROI tools: the edema and the reference polygon on the STIR; the ratio is computed at once
run("Reading Add ROI...", "tool=bme_roi_mean level=L5 side=left series=edema points=[21.5,1,-54;21.5,7,-54;21.5,7,-48;21.5,1,-48]");
run("Reading Add ROI...", "tool=bme_ref_mean level=L5 side=left series=edema points=[-18.5,1,-54;-18.5,7,-54;-18.5,7,-48;-18.5,1,-48]");
// or draw on a series shown blinded (the pseudonym in the title, no identity in Image > Show Info):
run("Reading Show Series...", "series=ct");
// makeLine(99, 74, 102, 74); run("Reading Add ROI...", "tool=gap_width_mm level=L5 side=left fill");
run("Reading Add ROI...", "tool=gap_width_mm level=L5 side=left series=ct points=[13.2,48,-488;15.8,48,-488]");
id = call("org.parsreader.ij.panel.ReadingCommand.lastRoi");

// contrast: a seed on the post-contrast CT runs the 3D quantification
run("Reading Quantify Contrast...", "level=L5 side=left seed=16.5,52,-499.5");

run("Reading Undo");      // the last step (the whole quantification), however many edits it made
run("Reading Redo");
run("Reading Remove ROI...", "roi=" + id);
run("Reading Undo");
run("Reading Status");    // Log: case (pseudonym), reader, counts, saved or not
run("Reading Save");
run("Reading Close");     // saves and releases the reader's lock

// a worklist: the reader's own order, resumed at the first unfinished case
// run("Read Case...", "worklist=[/data/cases] reader=R1 role=R1");
// run("Reading Next Case");  run("Reading Previous Case");

function parsReaderFolder(folder, prompt) {
    registered = call("org.parsreader.ij.Headless.install");   // plain ImageJ headless (ImageJ -batch): registers Pars Reader's commands
    if (File.isDirectory(folder)) return folder;
    if (call("java.awt.GraphicsEnvironment.isHeadless") == "true")
        exit("Pars Reader: folder " + folder + " not found (sample-data/ comes with the Pars Reader repository; start ImageJ there, pass the folder as the macro's argument, or generate it: java -jar Pars_Reader.jar generate-sample sample-data/case-001)");
    return getDirectory(prompt);
}
