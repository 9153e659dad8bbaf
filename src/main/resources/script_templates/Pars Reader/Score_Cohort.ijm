// Pars Reader: which findings predict pain relief? Univariable and one adjusted model per reader and time point.
findings = getDirectory("Choose the cohort folder (case folders with findings/)");
outcomes = File.openDialog("Choose the outcomes CSV (pseudonym, nrs_0, nrs_<t> ...)");
out = getDirectory("Choose an output folder");
run("Score...", "findings=[" + findings + "] outcomes=[" + outcomes + "] out=[" + out + "] reader=R1 multivariable=bme_isthmic_any,contrast_n_compartments");
