#!/usr/bin/env Rscript
# Reference values for the descriptive table ("Table 1", org.parsreader.scoring.describe) and
# its tests (org.parsreader.scoring.stats: Descriptive, RankTests, TTests, ContingencyTests,
# KruskalWallis). Base R only (stats). Run from the repository root:
#   Rscript scripts/r-reference/table1.R
# Writes to src/test/resources/scoring/:
#   tests-reference.csv   (case,quantity,value): the data of each case (x, y as space-separated
#                         numbers; a contingency table as rows separated by '|') and R's results:
#                         mean, sd, quantile(type = 7), wilcox.test (paired and two-sample, exact
#                         and normal approximation with continuity correction, with and without
#                         ties and zeros), t.test (paired, Welch), chisq.test (Yates for 2 x 2),
#                         fisher.test (2 x 2 and r x c), kruskal.test
#   table1-outcomes.csv   a seeded outcomes file (NRS, VAS, ODI, GPE, age, sex, dose, a
#                         'guidance' and a 'site' grouping column; some values missing)
#   table1-reference.csv  (panel,variable,level,group,quantity,value): every number of Table 1
#                         of that file, by cohort, by responder at each time point (PPR >= 50 %,
#                         complete case), by guidance (two groups) and by site (three)
# 17 significant digits.
res <- "src/test/resources/scoring"
set.seed(1515)
g17 <- function(v) sprintf("%.17g", v)
rows <- list()
put <- function(case, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity,
                                          value = if (is.character(value)) value else g17(value))
}
vec <- function(v) paste(g17(v), collapse = " ")
htest <- function(case, name, h) {
  put(case, paste0(name, "_p"), h$p.value)
  if (!is.null(h$statistic)) put(case, paste0(name, "_statistic"), unname(h$statistic))
  if (!is.null(h$parameter)) put(case, paste0(name, "_df"), unname(h$parameter))
}
quiet <- function(expr) suppressWarnings(expr)

# descriptive statistics
desc <- list(odd = round(rnorm(11, 5, 2), 2), even = round(rexp(20, 0.3), 1), one = 3.5, two = c(2, 7),
             ties = sample(0:10, 37, TRUE), skewed = rlnorm(64))
for (k in names(desc)) {
  x <- desc[[k]]; case <- paste0("desc_", k)
  put(case, "x", vec(x)); put(case, "mean", mean(x)); put(case, "sd", if (length(x) > 1) sd(x) else NaN)
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7)
  put(case, "q1", q[[1]]); put(case, "median", q[[2]]); put(case, "q3", q[[3]])
}

# paired: signed-rank and paired t
paired <- list(
  exact_small = list(x = round(rnorm(12, 5), 3), y = round(rnorm(12, 4.4), 3)),
  exact_one_sided_extreme = list(x = 1:9 + 0.1 * (1:9), y = rep(0, 9)),
  ties_and_zeros = list(x = sample(0:10, 40, TRUE), y = sample(0:10, 40, TRUE)),
  zeros_only = list(x = c(1.5, 2.25, 3, 4.5, 5, 6.25, 7), y = c(1.5, 1, 3, 2, 6, 4, 8)),
  large = list(x = rnorm(80, 3), y = rnorm(80, 2.7)),
  nrs_like = list(x = sample(0:4, 60, TRUE), y = sample(3:9, 60, TRUE)))
for (k in names(paired)) {
  x <- paired[[k]]$x; y <- paired[[k]]$y; case <- paste0("paired_", k)
  put(case, "x", vec(x)); put(case, "y", vec(y))
  htest(case, "wilcoxon", quiet(wilcox.test(x, y, paired = TRUE)))
  htest(case, "t", t.test(x, y, paired = TRUE))
}

# two groups: rank-sum (Mann-Whitney) and Welch t
two <- list(
  exact_small = list(x = round(rnorm(8, 5), 3), y = round(rnorm(11, 6), 3)),
  exact_unequal = list(x = round(runif(3), 4), y = round(runif(17) + 0.3, 4)),
  ties = list(x = sample(0:10, 25, TRUE), y = sample(2:10, 30, TRUE)),
  large = list(x = rnorm(60), y = rnorm(55, 0.4)),
  large_one_side = list(x = rnorm(49), y = rnorm(70, 0.2)))
for (k in names(two)) {
  x <- two[[k]]$x; y <- two[[k]]$y; case <- paste0("two_", k)
  put(case, "x", vec(x)); put(case, "y", vec(y))
  htest(case, "ranksum", quiet(wilcox.test(x, y)))
  htest(case, "welch", t.test(x, y))
}

# contingency tables (rows separated by |)
tabs <- list(
  t2x2_large = matrix(c(34, 21, 18, 40), 2),
  t2x2_small = matrix(c(3, 9, 7, 2), 2),
  t2x2_zero = matrix(c(0, 6, 5, 4), 2),
  t2x3 = matrix(c(20, 15, 12, 25, 30, 18), 2),
  t2x3_small = matrix(c(2, 5, 4, 1, 0, 3), 2),
  t3x3_small = matrix(c(3, 1, 0, 2, 4, 1, 0, 2, 5), 3),
  t3x4 = matrix(c(4, 2, 1, 0, 3, 2, 1, 5, 2, 2, 0, 3), 3))
for (k in names(tabs)) {
  m <- tabs[[k]]; case <- paste0("table_", k)
  put(case, "table", paste(apply(m, 1, function(r) paste(r, collapse = " ")), collapse = "|"))
  htest(case, "chisq", quiet(chisq.test(m)))
  htest(case, "fisher", fisher.test(m))
}

# Kruskal-Wallis
kw <- list(three = list(rnorm(12), rnorm(9, 0.5), rnorm(15, 1)),
           ties = list(sample(0:6, 20, TRUE), sample(1:8, 18, TRUE), sample(2:9, 11, TRUE), sample(0:9, 7, TRUE)))
for (k in names(kw)) {
  case <- paste0("kruskal_", k)
  put(case, "groups", paste(sapply(kw[[k]], vec), collapse = "|"))
  htest(case, "kruskal", kruskal.test(kw[[k]]))
}

out <- do.call(rbind, rows)
con <- file(file.path(res, "tests-reference.csv"), "w")
writeLines(sprintf("# R %s, stats", getRversion()), con)
write.csv(out, con, row.names = FALSE, quote = TRUE)
close(con)

# ---- Table 1 of a seeded outcomes file ----
n <- 90
miss <- function(v, p) { v[runif(length(v)) < p] <- NA; v }
nrs0 <- sample(3:10, n, TRUE)
nrs15 <- pmax(0, pmin(10, nrs0 - sample(0:6, n, TRUE)))
nrs1m <- miss(pmax(0, pmin(10, nrs0 - sample(-1:6, n, TRUE))), 0.1)
d <- data.frame(
  pseudonym = sprintf("T%03d", 1:n),
  age = miss(round(rnorm(n, 45, 13)), 0.05),
  sex = miss(sample(c("M", "F"), n, TRUE), 0.04),
  nrs_0 = nrs0, nrs_15min = miss(nrs15, 0.05), nrs_1month = nrs1m,
  vas_0 = round(nrs0 * 10 + rnorm(n, 0, 5)),
  vas_1month = miss(pmax(0, round(nrs1m * 10 + rnorm(n, 0, 6))), 0.05),
  odi_0 = round(runif(n, 20, 70)), odi_1month = miss(round(runif(n, 5, 60)), 0.1),
  gpe_1month = miss(sample(c("positive", "negative"), n, TRUE, prob = c(0.55, 0.45)), 0.08),
  ctdivol_mgy = round(rlnorm(n, 1.5, 0.4), 1), procedure_min = round(rnorm(n, 30, 8)),
  guidance = miss(sample(c("CT", "fluoroscopy"), n, TRUE), 0.05))
d$site <- sample(c("A", "B", "C"), n, TRUE, prob = c(0.6, 0.3, 0.1))  # three groups, one small: Fisher r x c, Kruskal-Wallis
d$vas_0 <- pmin(100, pmax(0, d$vas_0))
d$vas_1month <- pmin(100, d$vas_1month)
write.csv(d, file.path(res, "table1-outcomes.csv"), row.names = FALSE, quote = FALSE, na = "")

t1 <- list()
tput <- function(panel, variable, level, group, quantity, value) {
  t1[[length(t1) + 1]] <<- data.frame(panel = panel, variable = variable, level = level, group = group,
                                      quantity = quantity, value = g17(value))
}
continuous <- c("age", "nrs_0", "nrs_15min", "nrs_1month", "vas_0", "vas_1month", "odi_0", "odi_1month",
                "ctdivol_mgy", "procedure_min")
changes <- list(nrs_change_15min = c("nrs_15min", "nrs_0"), nrs_change_1month = c("nrs_1month", "nrs_0"),
                vas_change_1month = c("vas_1month", "vas_0"), odi_change_1month = c("odi_1month", "odi_0"))
categorical <- list(sex = c("female", "male"), gpe_1month = c("positive", "negative"))
summ <- function(panel, variable, group, v) {
  tput(panel, variable, "", group, "missing", sum(is.na(v)))
  v <- v[!is.na(v)]
  tput(panel, variable, "", group, "n", length(v))
  if (length(v) == 0) return()
  tput(panel, variable, "", group, "mean", mean(v))
  if (length(v) > 1) tput(panel, variable, "", group, "sd", sd(v))
  q <- quantile(v, c(0.25, 0.5, 0.75), type = 7)
  tput(panel, variable, "", group, "q1", q[[1]]); tput(panel, variable, "", group, "median", q[[2]])
  tput(panel, variable, "", group, "q3", q[[3]])
}
ttest <- function(panel, variable, group, name, h) {
  tput(panel, variable, "", group, paste0("p:", name), h$p.value)
  if (!is.null(h$statistic)) tput(panel, variable, "", group, paste0("statistic:", name), unname(h$statistic))
  if (!is.null(h$parameter)) tput(panel, variable, "", group, paste0("df:", name), unname(h$parameter))
}
table1 <- function(panel, data, groupvec, groups = sort(unique(groupvec[!is.na(groupvec)]), method = "radix")) {
  for (gname in groups) tput(panel, "", "", gname, "patients", sum(groupvec == gname, na.rm = TRUE))
  two <- length(groups) == 2
  sub <- function(v, g) v[!is.na(groupvec) & groupvec == g]
  for (v in continuous) {
    for (g in groups) summ(panel, v, g, sub(data[[v]], g))
    if (two) {
      a <- sub(data[[v]], groups[1]); b <- sub(data[[v]], groups[2])
      a <- a[!is.na(a)]; b <- b[!is.na(b)]
      ttest(panel, v, "between", "Mann-Whitney (Wilcoxon rank-sum)", quiet(wilcox.test(a, b)))
      ttest(panel, v, "between", "Welch t", t.test(a, b))
    } else if (length(groups) > 2) {
      ttest(panel, v, "between", "Kruskal-Wallis", kruskal.test(lapply(groups, function(g) sub(data[[v]], g))))
    }
  }
  for (v in names(changes)) {
    after <- data[[changes[[v]][1]]]; before <- data[[changes[[v]][2]]]
    for (g in groups) {
      summ(panel, v, g, sub(after - before, g))
      a <- sub(after, g); b <- sub(before, g); ok <- !is.na(a) & !is.na(b)
      ttest(panel, v, g, "Wilcoxon signed-rank", quiet(wilcox.test(a[ok], b[ok], paired = TRUE)))
      ttest(panel, v, g, "paired t", t.test(a[ok], b[ok], paired = TRUE))
    }
    ch <- after - before
    if (two) {
      a <- sub(ch, groups[1]); b <- sub(ch, groups[2]); a <- a[!is.na(a)]; b <- b[!is.na(b)]
      ttest(panel, v, "between", "Mann-Whitney (Wilcoxon rank-sum)", quiet(wilcox.test(a, b)))
      ttest(panel, v, "between", "Welch t", t.test(a, b))
    } else if (length(groups) > 2) {
      ttest(panel, v, "between", "Kruskal-Wallis", kruskal.test(lapply(groups, function(g) sub(ch, g))))
    }
  }
  for (v in names(categorical)) {
    levels <- categorical[[v]]
    for (g in groups) {
      x <- sub(data[[v]], g)
      tput(panel, v, "", g, "missing", sum(is.na(x)))
      x <- x[!is.na(x)]
      tput(panel, v, "", g, "n", length(x))
      for (l in levels) {
        tput(panel, v, l, g, "count", sum(x == l))
        if (length(x) > 0) tput(panel, v, l, g, "percent", 100 * sum(x == l) / length(x))
      }
    }
    if (length(groups) >= 2) {
      ok <- !is.na(groupvec) & !is.na(data[[v]])
      m <- table(factor(groupvec[ok], levels = groups), factor(data[[v]][ok], levels = levels))
      m <- m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE]
      if (nrow(m) >= 2 && ncol(m) >= 2) {
        e <- outer(rowSums(m), colSums(m)) / sum(m)
        if (any(e < 5)) ttest(panel, v, "between", "Fisher's exact", fisher.test(m))
        else ttest(panel, v, "between", if (all(dim(m) == 2)) "chi-square (Yates)" else "chi-square", chisq.test(m))
      }
    }
  }
}
# the table names the levels of sex in words, as the Java code does
d$sex <- c(F = "female", M = "male")[d$sex]
table1("cohort", d, rep("all", n))
for (tp in c("15min", "1month")) {
  nt <- d[[paste0("nrs_", tp)]]
  ppr <- 100 * (d$nrs_0 - nt) / d$nrs_0
  resp <- ifelse(is.na(ppr), NA, ifelse(ppr >= 50, "responder", "non-responder"))
  table1(paste0("outcome:", tp), d, resp, c("responder", "non-responder"))
}
table1("group:guidance", d, d$guidance)
table1("group:site", d, d$site)
t1 <- do.call(rbind, t1)
con <- file(file.path(res, "table1-reference.csv"), "w")
writeLines(sprintf("# R %s, stats", getRversion()), con)
write.csv(t1, con, row.names = FALSE, quote = TRUE)
close(con)
