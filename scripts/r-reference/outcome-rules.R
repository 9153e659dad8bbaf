#!/usr/bin/env Rscript
# Reference values for issue 15 point 4: outcome rules (org.parsreader.scoring.outcome.OutcomeRule
# on several series, GPE and "no intervening intervention"), linear regression
# (org.parsreader.scoring.stats.LinearRegression = lm / confint / summary.lm) of continuous
# outcomes (PPR, NRS change, ODI change, a group as predictor) and the group comparison of
# responder proportions (org.parsreader.scoring.stats.ContingencyTest = chisq.test(correct =
# FALSE), fisher.test). Base R only.
# Run from the repository root:  Rscript scripts/r-reference/outcome-rules.R
# Writes src/test/resources/scoring/outcome-reference-data.csv (an outcomes CSV as `score`
# reads it, with a scale declaration line, predictors x_* and a group column) and
# outcome-reference.csv (dataset,model,term,quantity,value), 17 significant digits.
res <- "src/test/resources/scoring"
set.seed(1504)
n <- 90
d <- data.frame(pseudonym = sprintf("Q%03d", 1:n))
d$guidance <- sample(c("CT", "fluoroscopy"), n, replace = TRUE)
d$x_bme <- rbinom(n, 1, 0.4)
d$x_age <- round(rnorm(n, 50, 12))
d$x_ratio <- round(rnorm(n, 2, 1.5), 2)
clamp <- function(v, lo, hi) pmin(hi, pmax(lo, v))
eff <- 1.5 * d$x_bme + 0.3 * d$x_ratio
d$nrs_0 <- clamp(round(rnorm(n, 6, 2)), 0, 10)
d$nrs_0[c(3, 17)] <- 0                       # PPR undefined
d$nrs_4wk <- clamp(round(d$nrs_0 - eff - rnorm(n, 1, 2)), 0, 10)
d$nrs_12wk <- clamp(round(d$nrs_0 - eff - rnorm(n, 1.5, 2)), 0, 10)
d$leg_nrs_0 <- clamp(round(rnorm(n, 7, 1.5)), 0, 10)
d$leg_nrs_4wk <- clamp(round(d$leg_nrs_0 - eff - rnorm(n, 0.5, 2)), 0, 10)
d$leg_nrs_12wk <- clamp(round(d$leg_nrs_0 - eff - rnorm(n, 1, 2)), 0, 10)
d$back_vas_0 <- clamp(round(rnorm(n, 5, 2), 1), 0, 10)      # declared 0-10
d$back_vas_4wk <- clamp(round(d$back_vas_0 - eff - rnorm(n, 0.5, 2), 1), 0, 10)
d$back_vas_12wk <- clamp(round(d$back_vas_0 - eff - rnorm(n, 1, 2), 1), 0, 10)
d$odi_0 <- clamp(round(rnorm(n, 42, 14)), 0, 100)
d$odi_4wk <- clamp(round(d$odi_0 - 6 * eff - 4 * (d$guidance == "CT") - rnorm(n, 2, 10)), 0, 100)
d$odi_12wk <- clamp(round(d$odi_0 - 7 * eff - 5 * (d$guidance == "CT") - rnorm(n, 3, 10)), 0, 100)
d$gpe_4wk <- ifelse(runif(n) < plogis(-0.5 + 0.8 * eff), "positive", "negative")
d$gpe_12wk <- ifelse(runif(n) < plogis(-0.3 + 0.8 * eff), "positive", "negative")
d$intervention_4wk <- ifelse(runif(n) < 0.08, "yes", "no")
d$intervention_12wk <- ifelse(d$intervention_4wk == "yes" | runif(n) < 0.08, "yes", "no")
# missing follow-up and missing items
for (col in c("nrs_12wk", "leg_nrs_12wk", "odi_12wk", "gpe_12wk", "back_vas_12wk")) d[sample(n, 5), col] <- NA
d$gpe_4wk[sample(n, 3)] <- NA
d$intervention_4wk[sample(n, 2)] <- NA
d$odi_0[sample(n, 2)] <- NA
d$x_ratio[sample(n, 3)] <- NA

rows <- list()
put <- function(dataset, model, term, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, model = model, term = term, quantity = quantity,
                                          value = if (is.na(value)) "NA" else sprintf("%.17g", value))
}
# --- responder rules: strict complete case (NA when a value the rule names is missing, or PPR is undefined)
ppr <- function(s, t) ifelse(d[[paste0(s, "_0")]] > 0, 100 * (d[[paste0(s, "_0")]] - d[[paste0(s, "_", t)]]) / d[[paste0(s, "_0")]], NA)
drop <- function(s, t) d[[paste0(s, "_0")]] - d[[paste0(s, "_", t)]]
gpe <- function(t) ifelse(is.na(d[[paste0("gpe_", t)]]), NA, d[[paste0("gpe_", t)]] == "positive")
noint <- function(t) ifelse(is.na(d[[paste0("intervention_", t)]]), NA, d[[paste0("intervention_", t)]] == "no")
# every value named must be there: NA propagates through & and | on purpose (no Kleene shortcut)
strict <- function(...) { v <- list(...); m <- Reduce(`|`, lapply(v, is.na)); v }
rules <- list(
  "ppr:50" = function(t) ppr("nrs", t) >= 50,
  "ppr:50|zero" = function(t) { a <- ppr("nrs", t); z <- d[[paste0("nrs_", t)]] == 0; ifelse(is.na(a) | is.na(z), NA, a >= 50 | z) },
  "drop:2@leg_nrs+gpe+no-intervention" = function(t) {
    a <- drop("leg_nrs", t) >= 2; g <- gpe(t); i <- noint(t)
    ifelse(is.na(a) | is.na(g) | is.na(i), NA, a & g & i) },
  "drop:10@odi|ppr:30@odi" = function(t) {
    a <- drop("odi", t) >= 10; b <- ppr("odi", t) >= 30
    ifelse(is.na(a) | is.na(b), NA, a | b) },
  "drop:2@back_vas+gpe" = function(t) { a <- drop("back_vas", t) >= 2; g <- gpe(t); ifelse(is.na(a) | is.na(g), NA, a & g) }
)
for (r in names(rules)) for (t in c("4wk", "12wk")) {
  v <- rules[[r]](t)
  for (i in 1:n) put("responder", r, d$pseudonym[i], t, as.numeric(v[i]))
  # responders per guidance group, and the between-group test
  tab <- table(factor(d$guidance, levels = c("CT", "fluoroscopy")), factor(v, levels = c(FALSE, TRUE)))
  put("groups", paste0(r, "@", t), "", "ct_n", sum(tab["CT", ])); put("groups", paste0(r, "@", t), "", "ct_responders", tab["CT", "TRUE"])
  put("groups", paste0(r, "@", t), "", "fl_n", sum(tab["fluoroscopy", ])); put("groups", paste0(r, "@", t), "", "fl_responders", tab["fluoroscopy", "TRUE"])
  ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
  put("groups", paste0(r, "@", t), "", "chisq", ch$statistic); put("groups", paste0(r, "@", t), "", "chisq_p", ch$p.value)
  put("groups", paste0(r, "@", t), "", "fisher_p", fisher.test(tab)$p.value)
}
# a small table where Fisher is the test
small <- matrix(c(7, 1, 2, 6), 2)
put("groups", "small", "", "fisher_p", fisher.test(small)$p.value)
put("groups", "small", "", "chisq_p", suppressWarnings(chisq.test(small, correct = FALSE))$p.value)
# --- linear models of continuous outcomes (complete cases)
d$ppr_4wk <- ppr("nrs", "4wk")
d$ppr_12wk <- ppr("nrs", "12wk")
d$change_leg_nrs_4wk <- d$leg_nrs_4wk - d$leg_nrs_0
d$change_odi_12wk <- d$odi_12wk - d$odi_0
d$change_nrs_12wk <- d$nrs_12wk - d$nrs_0
models <- list(
  "ppr_4wk~x_bme" = ppr_4wk ~ x_bme,
  "ppr_12wk~x_bme+x_age+x_ratio" = ppr_12wk ~ x_bme + x_age + x_ratio,
  "change_leg_nrs_4wk~x_ratio" = change_leg_nrs_4wk ~ x_ratio,
  "change_odi_12wk~guidance" = change_odi_12wk ~ guidance,
  "change_nrs_12wk~guidance+x_bme" = change_nrs_12wk ~ guidance + x_bme
)
for (m in names(models)) {
  f <- lm(models[[m]], data = d)
  s <- summary(f)
  co <- coef(s)
  ci <- confint(f)
  for (t in rownames(co)) {
    put("lm", m, t, "estimate", co[t, 1]); put("lm", m, t, "se", co[t, 2]); put("lm", m, t, "t", co[t, 3]); put("lm", m, t, "p", co[t, 4])
    put("lm", m, t, "lower", ci[t, 1]); put("lm", m, t, "upper", ci[t, 2])
  }
  put("lm", m, "", "n", nobs(f)); put("lm", m, "", "df", f$df.residual); put("lm", m, "", "sigma", s$sigma)
  put("lm", m, "", "r_squared", s$r.squared); put("lm", m, "", "adj_r_squared", s$adj.r.squared)
  put("lm", m, "", "f", s$fstatistic[1]); put("lm", m, "", "f_p", pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE))
}
out <- do.call(rbind, rows)
con <- file(file.path(res, "outcome-reference.csv"), "w")
writeLines(sprintf("# R %s, lm, confint, chisq.test, fisher.test (stats); scripts/r-reference/outcome-rules.R", getRversion()), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
data <- d[, c("pseudonym", "guidance", "x_bme", "x_age", "x_ratio", "nrs_0", "nrs_4wk", "nrs_12wk", "leg_nrs_0", "leg_nrs_4wk",
              "leg_nrs_12wk", "back_vas_0", "back_vas_4wk", "back_vas_12wk", "odi_0", "odi_4wk", "odi_12wk", "gpe_4wk", "gpe_12wk",
              "intervention_4wk", "intervention_12wk")]
con <- file(file.path(res, "outcome-reference-data.csv"), "w")
writeLines("# scale back_vas 0-10", con)
write.csv(data, con, row.names = FALSE, quote = FALSE, na = "")
close(con)
