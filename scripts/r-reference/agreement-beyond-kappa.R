#!/usr/bin/env Rscript
# Reference values for agreement beyond kappa (issue 15, point 3): percent agreement, Gwet's
# AC1, PABAK, Fleiss' kappa, Krippendorff's alpha (nominal, ordinal, interval), the ICC forms
# ICC(2,1), ICC(3,1), ICC(2,k), Bland-Altman, and the percentile bootstrap by patient.
# Run from the repository root:  Rscript scripts/r-reference/agreement-beyond-kappa.R
# Writes src/test/resources/scoring/ratings3.csv, krippendorff-2011.csv (data),
# bootstrap-draws.csv (patient draws) and agreement-beyond-reference.csv
# (dataset,model,term,quantity,value), 15 significant digits.
# Needs Debian r-base-core and r-cran-psych (ICC). Debian has no irr or irrCAC, so AC1, PABAK,
# Fleiss and Krippendorff are written below from the papers, each by its own route (contingency
# table, Fleiss' P_i, the coincidence matrix) rather than the Java code's algebra.
suppressPackageStartupMessages(library(psych))
res <- "src/test/resources/scoring"
set.seed(20261202)
rows <- list()
put <- function(dataset, model, term, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, model = model, term = term,
                                          quantity = quantity, value = sprintf("%.15g", value))
}

# ---- data: three readers on 60 places of 18 patients (skewed binary, nominal, ordinal, number)
n <- 60
patient <- sprintf("P%02d", sort(c(1:18, sample(1:18, n - 18, TRUE))))
truth_bin <- rbinom(n, 1, 0.12)                                      # skewed prevalence
flip <- function(v, p) ifelse(runif(length(v)) < p, 1 - v, v)
cats <- c("none", "intradefect", "facet", "epidural")
nom <- sample(cats, n, TRUE, prob = c(0.5, 0.25, 0.15, 0.1))
swap <- function(v, p) ifelse(runif(length(v)) < p, sample(cats, length(v), TRUE), v)
grade <- sample(0:4, n, TRUE, prob = c(0.3, 0.25, 0.2, 0.15, 0.1))
move <- function(g, p) pmin(4, pmax(0, g + ifelse(runif(length(g)) < p, sample(c(-1, 1), length(g), TRUE), 0)))
w <- rnorm(n, 2.5, 0.8)
r3 <- data.frame(patient,
  bin_r1 = flip(truth_bin, 0.05), bin_r2 = flip(truth_bin, 0.08), bin_r3 = flip(truth_bin, 0.06),
  nom_r1 = swap(nom, 0.15), nom_r2 = swap(nom, 0.2), nom_r3 = swap(nom, 0.1),
  ord_r1 = move(grade, 0.2), ord_r2 = move(grade, 0.3), ord_r3 = move(grade, 0.25),
  width_r1 = round(w + rnorm(n, 0, 0.25), 2), width_r2 = round(w + 0.15 + rnorm(n, 0, 0.3), 2),
  width_r3 = round(w - 0.05 + rnorm(n, 0, 0.2), 2))
r3$ordmiss_r1 <- ifelse(runif(n) < 0.1, NA, r3$ord_r1)                # some ratings missing
r3$ordmiss_r2 <- ifelse(runif(n) < 0.15, NA, r3$ord_r2)
r3$ordmiss_r3 <- ifelse(runif(n) < 0.1, NA, r3$ord_r3)
write.csv(r3, file.path(res, "ratings3.csv"), row.names = FALSE, quote = FALSE, na = "")
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the example with missing
# values: 4 observers x 12 units; the paper gives nominal .743, ordinal .815, interval .849.
k11 <- data.frame(A = c(1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA), B = c(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3),
                  C = c(NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA), D = c(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA))
write.csv(k11, file.path(res, "krippendorff-2011.csv"), row.names = FALSE, quote = FALSE, na = "")

# ---- formulas ---------------------------------------------------------------------------
two_rater <- function(a, b, cats) {   # Gwet (2008) and Byrt et al. (1993) from the q x q table
  tab <- table(factor(a, levels = cats), factor(b, levels = cats)) / length(a)
  q <- length(cats); pa <- sum(diag(tab))
  pik <- (rowSums(tab) + colSums(tab)) / 2
  pe <- sum(pik * (1 - pik)) / (q - 1)
  list(pa = pa, ac1 = (pa - pe) / (1 - pe), pabak = (q * pa - 1) / (q - 1))
}
multi_rater <- function(m, cats) {    # Fleiss (1971) P_i and p_j; Gwet (2008) multi-rater AC1
  nij <- t(apply(m, 1, function(x) table(factor(x, levels = cats))))
  r <- rowSums(nij); stopifnot(all(r == ncol(m)))
  P_i <- (rowSums(nij^2) - r) / (r * (r - 1)); Pbar <- mean(P_i)
  pj <- colSums(nij) / sum(nij); PeF <- sum(pj^2)
  pik <- colMeans(nij / r); q <- length(cats); PeG <- sum(pik * (1 - pik)) / (q - 1)
  list(pa = Pbar, fleiss = (Pbar - PeF) / (1 - PeF), ac1 = (Pbar - PeG) / (1 - PeG))
}
kripp <- function(m, metric) {        # Krippendorff (2011): coincidence matrix, delta from n_g
  m <- as.matrix(m); vals <- sort(unique(as.vector(m[!is.na(m)])))
  V <- length(vals); o <- matrix(0, V, V)
  for (u in seq_len(nrow(m))) {
    x <- m[u, !is.na(m[u, ])]; mu <- length(x); if (mu < 2) next
    for (i in seq_len(mu)) for (j in seq_len(mu)) if (i != j) {
      a <- match(x[i], vals); b <- match(x[j], vals); o[a, b] <- o[a, b] + 1 / (mu - 1)
    }
  }
  nc <- rowSums(o); nn <- sum(nc)
  d2 <- matrix(0, V, V)
  for (c in 1:V) for (k in 1:V) {
    d2[c, k] <- switch(metric, nominal = as.numeric(c != k), interval = (vals[c] - vals[k])^2,
      ordinal = if (c == k) 0 else (sum(nc[min(c, k):max(c, k)]) - (nc[c] + nc[k]) / 2)^2)
  }
  1 - (nn - 1) * sum(o * d2) / sum(outer(nc, nc) * d2)
}
bland_altman <- function(a, b) {
  d <- a - b; n <- length(d); bias <- mean(d); s <- sd(d); z <- qnorm(0.975); t <- qt(0.975, n - 1)
  c(n = n, bias = bias, sd = s, lower_limit = bias - z * s, upper_limit = bias + z * s,
    bias_lower = bias - t * s / sqrt(n), bias_upper = bias + t * s / sqrt(n),
    lower_limit_lower = bias - z * s - t * s * sqrt(3 / n), lower_limit_upper = bias - z * s + t * s * sqrt(3 / n),
    upper_limit_lower = bias + z * s - t * s * sqrt(3 / n), upper_limit_upper = bias + z * s + t * s * sqrt(3 / n))
}
icc_forms <- function(dataset, model, x) {
  r <- ICC(x, lmer = FALSE)$results
  for (row in c("ICC2", "ICC3", "ICC2k")) {
    s <- r[r$type == row, ]
    put(dataset, model, row, "icc", s$ICC); put(dataset, model, row, "f", s$F)
    put(dataset, model, row, "p", s$p)
    put(dataset, model, row, "lower", s[["lower bound"]]); put(dataset, model, row, "upper", s[["upper bound"]])
  }
}

# ---- two readers: the existing ratings.csv (binary bme, nominal compartment, ordinal grade)
ratings <- read.csv(file.path(res, "ratings.csv"))
for (item in list(list("bme", c("0", "1")), list("comp", cats), list("grade", as.character(0:4)))) {
  a <- as.character(ratings[[paste0(item[[1]], "_r1")]]); b <- as.character(ratings[[paste0(item[[1]], "_r2")]])
  s <- two_rater(a, b, item[[2]])
  put("ratings", item[[1]], "", "percent_agreement", s$pa); put("ratings", item[[1]], "", "ac1", s$ac1)
  put("ratings", item[[1]], "", "pabak", s$pabak)
  put("ratings", item[[1]], "", "fleiss", multi_rater(cbind(a, b), item[[2]])$fleiss)
  put("ratings", item[[1]], "", "categories", length(item[[2]]))
}
put("ratings", "grade", "", "alpha_ordinal", kripp(ratings[, c("grade_r1", "grade_r2")], "ordinal"))
put("ratings", "bme", "", "alpha_nominal", kripp(ratings[, c("bme_r1", "bme_r2")], "nominal"))
put("ratings", "width", "", "alpha_interval", kripp(ratings[, c("width_r1", "width_r2")], "interval"))
ba <- bland_altman(ratings$width_r1, ratings$width_r2)
for (q in names(ba)) put("ratings", "width", "bland_altman", q, ba[[q]])
icc_forms("ratings", "width", ratings[, c("width_r1", "width_r2")])
icc_forms("shrout_fleiss", "table2", read.csv(file.path(res, "shrout-fleiss.csv")))

# ---- three readers
cols <- function(p) r3[, paste0(p, c("_r1", "_r2", "_r3"))]
for (item in list(list("bin", c("0", "1")), list("nom", cats), list("ord", as.character(0:4)))) {
  m <- as.matrix(cols(item[[1]])); storage.mode(m) <- "character"; m <- trimws(m)
  s <- multi_rater(m, item[[2]])
  put("ratings3", item[[1]], "", "percent_agreement", s$pa); put("ratings3", item[[1]], "", "ac1", s$ac1)
  put("ratings3", item[[1]], "", "fleiss", s$fleiss)
}
codes <- function(m, cats) apply(m, 2, function(v) match(trimws(as.character(v)), cats))
put("ratings3", "bin", "", "alpha_nominal", kripp(cols("bin"), "nominal"))
put("ratings3", "nom", "", "alpha_nominal", kripp(codes(cols("nom"), cats), "nominal"))
for (mt in c("nominal", "ordinal", "interval")) {
  put("ratings3", "ord", "", paste0("alpha_", mt), kripp(cols("ord"), mt))
  put("ratings3", "ordmiss", "", paste0("alpha_", mt), kripp(cols("ordmiss"), mt))
  put("krippendorff2011", "example", "", paste0("alpha_", mt), kripp(k11, mt))
}
put("ratings3", "width", "", "alpha_interval", kripp(cols("width"), "interval"))
icc_forms("ratings3", "width", cols("width"))

# ---- bootstrap by patient: R draws patients; the Java test evaluates the same draws
B <- 200
pts <- unique(r3$patient)                       # cluster numbers = order of first appearance
draws <- t(replicate(B, sample.int(length(pts), length(pts), replace = TRUE)))
write.table(draws - 1, file.path(res, "bootstrap-draws.csv"), sep = ",", row.names = FALSE, col.names = FALSE)
boot_stats <- function(rows) {
  d <- r3[rows, ]
  bin <- as.matrix(d[, c("bin_r1", "bin_r2", "bin_r3")]); storage.mode(bin) <- "character"
  s2 <- two_rater(as.character(d$bin_r1), as.character(d$bin_r2), c("0", "1"))
  s3 <- multi_rater(bin, c("0", "1"))
  c(pa12 = s2$pa, ac1_12 = s2$ac1, pabak12 = s2$pabak, fleiss3 = s3$fleiss, ac1_3 = s3$ac1,
    alpha_width = kripp(d[, c("width_r1", "width_r2", "width_r3")], "interval"),
    bias12 = mean(d$width_r1 - d$width_r2))
}
stats <- t(apply(draws, 1, function(dr) boot_stats(unlist(lapply(pts[dr], function(p) which(r3$patient == p))))))
for (s in colnames(stats)) {
  v <- stats[, s]; v <- v[!is.na(v)]
  put("bootstrap", s, "", "lower", quantile(v, 0.025, type = 7)); put("bootstrap", s, "", "upper", quantile(v, 0.975, type = 7))
  put("bootstrap", s, "", "used", length(v))
}
put("bootstrap", "", "", "resamples", B)

out <- do.call(rbind, rows)
writeLines(sprintf("# R %s, psych %s", getRversion(), packageVersion("psych")), file.path(res, "agreement-beyond-reference.csv"))
suppressWarnings(write.table(out, file.path(res, "agreement-beyond-reference.csv"), sep = ",", quote = FALSE,
                             row.names = FALSE, append = TRUE))
