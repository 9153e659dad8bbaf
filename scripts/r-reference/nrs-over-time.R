#!/usr/bin/env Rscript
# Reference for scoring.report.NrsOverTime (issue 15, point 6): mean and 95 % CI of t.test, and qt(0.975, df).
# Run from the repository root: Rscript scripts/r-reference/nrs-over-time.R
out <- "src/test/resources/scoring/nrs-over-time-reference.csv"
lines <- c("kind,key,a,b,c")
samples <- list(a = c(6, 7, 5, 8, 4, 6, 9, 3, 5, 7), b = c(2, 3), c = c(0, 10, 10, 1, 4))
for (k in names(samples)) {
  v <- samples[[k]]
  tt <- t.test(v)
  lines <- c(lines, sprintf("ci,%s,%.15g,%.15g,%.15g", k, mean(v), tt$conf.int[1], tt$conf.int[2]))
}
for (df in c(1, 2, 9, 133, 10000)) lines <- c(lines, sprintf("qt,%d,%.15g,,", df, qt(0.975, df)))
writeLines(lines, out)
