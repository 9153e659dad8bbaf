// Pars Reader: run index, contrast and CSV export over every case of a cohort, two cases at a time.
// Rerunning resumes: finished cases are not redone. Failed cases are logged with their reason.
cohort = getDirectory("Choose the cohort folder (one folder per case)");
out = getDirectory("Choose an output folder");
run("Batch...", "cohort=[" + cohort + "] out=[" + out + "] jobs=2 steps=index,contrast,csv");
