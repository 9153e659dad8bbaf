#!/usr/bin/env Rscript
# Reference values for org.parsreader.scoring.stats.PAdjust: R's p.adjust(p, "holm") and
# p.adjust(p, "BH") with the default n (the number of non-missing p-values), on vectors with
# ties, NA and NaN, p = 0 and p = 1, families of one and of none. Base R only.
# Run from the repository root:  Rscript scripts/r-reference/p-adjust.R
# Writes src/test/resources/scoring/p-adjust-reference.csv (family,index,p,holm,bh), 17
# significant digits (exact doubles); missing values are written NA / NaN as R prints them.
res <- "src/test/resources/scoring"
set.seed(15)
families <- list(
  ties = c(0.01, 0.02, 0.02, 0.03, 0.04, 0.04, 0.2, 0.5),
  missing_and_one = c(0.04, NA, 0.001, NaN, 0.03, 1, NA, 0.03),
  ones = c(1, 1, 0.5, 1),
  zeros = c(0, 0, 1e-300, 0.7, 0.049),
  all_large = c(0.6, 0.9, 0.75, 0.9),
  unsorted = c(0.3, 0.0001, 0.045, 0.012, 0.8, 0.0049, 0.02, 0.045, 0.6, 0.011),
  one_test = c(0.03),
  one_test_with_missing = c(NA, 0.03, NaN),
  two_tests = c(0.04, 0.01),
  no_tests = c(NA, NaN),
  random_ties = round(runif(60)^3, 3),
  random = c(runif(30)^4, NA, runif(9))
)
rows <- list()
for (f in names(families)) {
  p <- families[[f]]
  h <- p.adjust(p, "holm"); b <- p.adjust(p, "BH")
  stopifnot(identical(is.na(h), is.na(p)), identical(is.na(b), is.na(p)))
  rows[[f]] <- data.frame(family = f, index = seq_along(p), p = sprintf("%.17g", p),
                          holm = sprintf("%.17g", h), bh = sprintf("%.17g", b))
}
out <- do.call(rbind, rows)
con <- file(file.path(res, "p-adjust-reference.csv"), "w")
writeLines(sprintf("# R %s, p.adjust (stats)", getRversion()), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
