// Pars Reader: contrast on the post-contrast CT (row #6) with the needle-check CT (row #5) subtracted,
// seeded at the point clicked on the image; stores volume and compartments reached in R1's findings,
// opens the region as a calibrated mask stack and ImageJ's 3D projection of it.
// Every segmentation parameter is an option (defaults shown in the dialog), e.g. max_radius_mm=40;
// without baseline=, the per-case bone model separates contrast from bone.
case = getDirectory("Choose a case folder");
run("Open Study...", "folder=[" + case + "] series=#6");
waitForUser("Click the contrast with the point tool, then OK");
run("Quantify Contrast...", "seed=roi baseline=[#5] max_radius_mm=40 record case=[" + case + "] reader=R1 level=L5 side=left compartments overlay=outline colour=yellow mask project");
