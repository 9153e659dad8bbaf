// Pars Reader: run every step that fits each case of a cohort (a case without images: the findings
// steps), two cases at a time, into a folder under ImageJ's temporary folder; add steps=index,contrast,bme,csv
// to require every step. Rerunning resumes: finished cases are not redone. Failures are grouped by reason in the Log.
// The folder: the first argument (ImageJ -batch THIS.ijm FOLDER), else the line below. "sample-data/..."
// is the sample data in the Pars Reader repository (start ImageJ there, or put its full path here).
// With a display, a folder that does not exist is asked for; headless it is an error that names it.
cohort = "sample-data/cohort";
if (getArgument() != "") cohort = getArgument();
cohort = parsReaderFolder(cohort, "Choose the cohort folder (one folder per case)");
out = getDirectory("temp") + "pars-reader-batch";
run("Batch...", "cohort=[" + cohort + "] out=[" + out + "] jobs=2");
print("Pars Reader: batch results in " + out);

function parsReaderFolder(folder, prompt) {
    registered = call("org.parsreader.ij.Headless.install");   // plain ImageJ headless (ImageJ -batch): registers Pars Reader's commands
    if (File.isDirectory(folder)) return folder;
    if (call("java.awt.GraphicsEnvironment.isHeadless") == "true")
        exit("Pars Reader: folder " + folder + " not found (sample-data/ comes with the Pars Reader repository; start ImageJ there, pass the folder as the macro's argument, or generate it: java -jar Pars_Reader.jar generate-sample sample-data/case-001)");
    return getDirectory(prompt);
}
