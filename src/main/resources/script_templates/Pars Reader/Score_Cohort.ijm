// Pars Reader: which findings predict pain relief? Univariable and one adjusted model per reader and time point.
// The outcomes are the cohort's outcomes.csv; the results go to a folder under ImageJ's temporary folder.
// The folder: the first argument (ImageJ -batch THIS.ijm FOLDER), else the line below. "sample-data/..."
// is the sample data in the Pars Reader repository (start ImageJ there, or put its full path here).
// With a display, a folder that does not exist is asked for; headless it is an error that names it.
findings = "sample-data/cohort";
if (getArgument() != "") findings = getArgument();
findings = parsReaderFolder(findings, "Choose the cohort folder (case folders with findings/)");
outcomes = findings + "/outcomes.csv";
if (!File.exists(outcomes)) outcomes = File.openDialog("Choose the outcomes CSV (pseudonym, nrs_0, nrs_<t> ...)");
out = getDirectory("temp") + "pars-reader-score";
run("Score...", "findings=[" + findings + "] outcomes=[" + outcomes + "] out=[" + out + "] reader=R1 multivariable=bme_isthmic_any,contrast_n_compartments");
print("Pars Reader: scores in " + out);

function parsReaderFolder(folder, prompt) {
    registered = call("org.parsreader.ij.Headless.install");   // plain ImageJ headless (ImageJ -batch): registers Pars Reader's commands
    if (File.isDirectory(folder)) return folder;
    if (call("java.awt.GraphicsEnvironment.isHeadless") == "true")
        exit("Pars Reader: folder " + folder + " not found (sample-data/ comes with the Pars Reader repository; start ImageJ there, pass the folder as the macro's argument, or generate it: java -jar Pars_Reader.jar generate-sample sample-data/case-001)");
    return getDirectory(prompt);
}
