#!/usr/bin/env Rscript
# Reference values for org.parsreader.scoring.analysis.MultivariableAnalysis: multivariable
# glm fits on the sample cohort's predictors (reader R1), complete cases as the Java code.
# The data, src/test/resources/scoring/multivariable-cohort.csv, are columns of the
# predictors.csv that
#   parsreader score --findings sample-data/cohort --outcomes sample-data/cohort/outcomes.csv --out OUT
# writes (rows of reader R1); MultivariableReferenceTest checks they still equal the cohort.
# Run from the repository root:  Rscript scripts/r-reference/multivariable.R
# Writes multivariable-reference.csv (model,term,quantity,value), 15 significant digits.
# Multiplicity (org.parsreader.scoring.analysis.Multiplicity): p.adjust "holm" and "BH" of the
# Wald and LR p within each model's terms (p_*_holm, p_*_bh) and over the terms of both models
# (p_*_holm_all, p_*_bh_all); and of univariable glm fits (models uni_<time point>, one per
# predictor of the data), adjusted within a time point and over both time points.
res <- "src/test/resources/scoring"
d <- read.csv(file.path(res, "multivariable-cohort.csv"))
rows <- list()
tests <- list()
put <- function(model, term, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(model = model, term = term, quantity = quantity, value = sprintf("%.15g", value))
}
fit <- function(model, outcome, predictors) {
  cc <- d[complete.cases(d[, c(outcome, predictors)]), ]
  f <- glm(reformulate(predictors, outcome), family = binomial, data = cc,
           control = glm.control(epsilon = 1e-14, maxit = 100))
  stopifnot(f$converged)
  s <- coef(summary(f))
  ci <- exp(confint.default(f))
  d1 <- drop1(f, test = "LRT")
  for (t in predictors) {
    put(model, t, "estimate", s[t, 1]); put(model, t, "se", s[t, 2]); put(model, t, "p_wald", s[t, 4])
    put(model, t, "odds_ratio", exp(s[t, 1])); put(model, t, "wald_lower", ci[t, 1]); put(model, t, "wald_upper", ci[t, 2])
    put(model, t, "lr_chisq", d1[t, "LRT"]); put(model, t, "p_lr", d1[t, "Pr(>Chi)"])
  }
  tests[[model]] <<- data.frame(model = model, term = predictors, p_wald = s[predictors, 4], p_lr = d1[predictors, "Pr(>Chi)"])
  chi <- f$null.deviance - f$deviance
  put(model, "", "n", nrow(cc))
  put(model, "", "dropped", sum(!is.na(d[[outcome]])) - nrow(cc))
  put(model, "", "events", sum(cc[[outcome]]))
  put(model, "", "model_lr_chisq", chi)
  put(model, "", "model_df", f$df.null - f$df.residual)
  put(model, "", "model_p", pchisq(chi, f$df.null - f$df.residual, lower.tail = FALSE))
}
fit("R1_15min", "success_15min", c("bme_isthmic_any", "contrast_n_compartments"))
fit("R1_1month_4", "success_1month", c("bme_isthmic_any", "contrast_n_compartments", "bme_ratio_max", "age"))
adjust <- function(tab, family) {
  for (test in c("p_wald", "p_lr")) {
    for (m in c("holm", "BH")) {
      q <- paste0(test, "_", tolower(m))
      for (f in unique(family)) tab[family == f, q] <- p.adjust(tab[family == f, test], m)
      tab[[paste0(q, "_all")]] <- p.adjust(tab[[test]], m)
    }
  }
  for (i in seq_len(nrow(tab))) for (q in grep("_(holm|bh)", names(tab), value = TRUE)) put(tab$model[i], tab$term[i], q, tab[i, q])
}
mv <- do.call(rbind, tests)
adjust(mv, mv$model)
uni <- list()
for (tp in c("15min", "1month")) {
  for (v in c("bme_isthmic_any", "contrast_n_compartments", "bme_ratio_max", "age")) {
    f <- glm(reformulate(v, paste0("success_", tp)), family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
    stopifnot(f$converged)
    model <- paste0("uni_", tp)
    put(model, v, "p_wald", coef(summary(f))[v, 4]); put(model, v, "p_lr", drop1(f, test = "LRT")[v, "Pr(>Chi)"])
    uni[[length(uni) + 1]] <- data.frame(model = model, term = v, p_wald = coef(summary(f))[v, 4],
                                         p_lr = drop1(f, test = "LRT")[v, "Pr(>Chi)"])
  }
}
uni <- do.call(rbind, uni)
adjust(uni, uni$model)
out <- do.call(rbind, rows)
con <- file(file.path(res, "multivariable-reference.csv"), "w")
writeLines(sprintf("# R %s, glm (stats)", getRversion()), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
