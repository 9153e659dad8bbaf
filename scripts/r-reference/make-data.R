#!/usr/bin/env Rscript
# Writes the seeded test data sets of the scoring statistics to src/test/resources/scoring/.
# Run from the repository root:  Rscript scripts/r-reference/make-data.R
# The CSVs are committed; rerun only to change the data (then rerun reference.R).
out <- "src/test/resources/scoring"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(20240601)

# Simulated cohort of 134 patients: success at 1 month ~ 50 %.
n <- 134
bme <- rbinom(n, 1, 0.45)                      # strong binary predictor
sex <- rbinom(n, 1, 0.5)                       # null binary predictor
width <- round(rnorm(n, 2.5, 0.8), 1)          # continuous (defect width, mm)
age <- round(rnorm(n, 42, 12))                 # continuous, weak
eta <- -1.1 + 1.9 * bme + 0.35 * (width - 2.5) + 0.01 * (age - 42)
success <- rbinom(n, 1, plogis(eta))
# rare binary predictor present in 7 patients, all successes: quasi-complete separation
rare <- integer(n)
rare[sample(which(success == 1), 7)] <- 1
cohort <- data.frame(id = sprintf("P%03d", 1:n), success, bme, sex, width, age, rare)
write.csv(cohort, file.path(out, "cohort.csv"), row.names = FALSE, quote = FALSE)

# Classic data set from R's base datasets: infertility after spontaneous and induced
# abortion (Trichopoulos et al. 1976), the glm example of ?infert.
data(infert)
write.csv(infert[, c("case", "spontaneous", "induced", "age", "parity")],
          file.path(out, "infert.csv"), row.names = FALSE, quote = FALSE)

# Two readers rating the same 134 patients.
truth_bme <- rbinom(n, 1, 0.4)
flip <- function(v, p) ifelse(runif(length(v)) < p, 1 - v, v)
grade <- sample(0:4, n, TRUE, prob = c(0.3, 0.25, 0.2, 0.15, 0.1))
move <- function(g, p) pmin(4, pmax(0, g + ifelse(runif(length(g)) < p, sample(c(-1, 1), length(g), TRUE), 0)))
compartments <- c("none", "intradefect", "facet", "epidural")
comp <- sample(compartments, n, TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
swap <- runif(n) < 0.25
comp2 <- ifelse(swap, sample(compartments, n, TRUE), comp)
w_true <- rnorm(n, 2.5, 0.8)
ratings <- data.frame(
  id = sprintf("P%03d", 1:n),
  bme_r1 = flip(truth_bme, 0.07), bme_r2 = flip(truth_bme, 0.1),
  grade_r1 = move(grade, 0.2), grade_r2 = move(grade, 0.3),
  comp_r1 = comp, comp_r2 = comp2,
  width_r1 = round(w_true + rnorm(n, 0, 0.25), 1),
  width_r2 = round(w_true + 0.15 + rnorm(n, 0, 0.3), 1))
# a grade never used by either reader at the top: tests explicit levels 0..5
write.csv(ratings, file.path(out, "ratings.csv"), row.names = FALSE, quote = FALSE)

# Shrout & Fleiss (1979) Table 2: 6 targets rated by 4 judges (published ICC(2,1) = 0.29).
sf <- data.frame(J1 = c(9, 6, 8, 7, 10, 6), J2 = c(2, 1, 4, 1, 5, 2),
                 J3 = c(5, 3, 6, 2, 6, 4), J4 = c(8, 2, 8, 6, 9, 7))
write.csv(sf, file.path(out, "shrout-fleiss.csv"), row.names = FALSE, quote = FALSE)
