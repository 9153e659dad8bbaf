#!/usr/bin/env Rscript
# Reference values for org.parsreader.scoring.stats, from the CSVs in
# src/test/resources/scoring/ (see make-data.R). Run from the repository root:
#   Rscript scripts/r-reference/reference.R
# Writes logistic-reference.csv and agreement-reference.csv (dataset,model,term,quantity,value)
# with 15 significant digits. Needs Debian packages r-base-core, r-cran-brglm2, r-cran-psych,
# r-cran-vcd.
suppressPackageStartupMessages({ library(brglm2); library(psych); library(vcd) })
source("scripts/r-reference/firth-profile.R")
res <- "src/test/resources/scoring"
rows <- list()
put <- function(dataset, model, term, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, model = model, term = term,
                                          quantity = quantity, value = sprintf("%.15g", value))
}
versions <- sprintf("R %s, brglm2 %s, psych %s, vcd %s", getRversion(), packageVersion("brglm2"),
                    packageVersion("psych"), packageVersion("vcd"))

cohort <- read.csv(file.path(res, "cohort.csv"))
infert <- read.csv(file.path(res, "infert.csv"))
z <- qnorm(0.975)

ml <- function(dataset, model, formula, data) {
  f <- glm(formula, family = binomial, data = data, control = glm.control(epsilon = 1e-14, maxit = 100))
  stopifnot(f$converged)
  s <- coef(summary(f))
  d1 <- drop1(f, test = "LRT")
  for (t in rownames(s)) {
    b <- s[t, 1]; se <- s[t, 2]
    put(dataset, model, t, "estimate", b); put(dataset, model, t, "se", se)
    put(dataset, model, t, "z", s[t, 3]); put(dataset, model, t, "p_wald", s[t, 4])
    put(dataset, model, t, "odds_ratio", exp(b))
    ci <- exp(confint.default(f)[t, ])
    put(dataset, model, t, "wald_lower", ci[1]); put(dataset, model, t, "wald_upper", ci[2])
    if (t != "(Intercept)") {
      put(dataset, model, t, "lr_chisq", d1[t, "LRT"]); put(dataset, model, t, "p_lr", d1[t, "Pr(>Chi)"])
    }
  }
  put(dataset, model, "", "loglik", as.numeric(logLik(f)))
  put(dataset, model, "", "deviance", f$deviance); put(dataset, model, "", "aic", f$aic)
  put(dataset, model, "", "null_deviance", f$null.deviance)
  chi <- f$null.deviance - f$deviance; df <- f$df.null - f$df.residual
  put(dataset, model, "", "model_chisq", chi); put(dataset, model, "", "model_df", df)
  put(dataset, model, "", "model_p", pchisq(chi, df, lower.tail = FALSE))
  put(dataset, model, "", "n", nrow(data)); put(dataset, model, "", "events", sum(f$y))
}

firth <- function(dataset, model, formula, data) {
  # start at 0: from its default start (the ML fit) brglm2 0.9 diverges under separation
  p <- ncol(model.matrix(formula, data))
  f <- glm(formula, family = binomial, data = data, method = "brglmFit", type = "AS_mean",
           epsilon = 1e-12, maxit = 1000, start = rep(0, p))
  stopifnot(f$converged)
  s <- coef(summary(f))
  X <- model.matrix(f); y <- f$y
  pr <- firth_profile(X, y, coef(f))    # penalised LR tests and profile limits, firth-profile.R
  for (k in seq_len(nrow(s))) {
    t <- rownames(s)[k]; b <- s[k, 1]; se <- s[k, 2]
    put(dataset, model, t, "estimate", b); put(dataset, model, t, "se", se)
    put(dataset, model, t, "z", s[k, 3]); put(dataset, model, t, "p_wald", s[k, 4])
    put(dataset, model, t, "odds_ratio", exp(b))
    put(dataset, model, t, "wald_lower", exp(b - z * se)); put(dataset, model, t, "wald_upper", exp(b + z * se))
    put(dataset, model, t, "lr_chisq", pr$chisq[k]); put(dataset, model, t, "p_lr", pr$p[k])
    put(dataset, model, t, "profile_lower", exp(pr$lower[k])); put(dataset, model, t, "profile_upper", exp(pr$upper[k]))
  }
  put(dataset, model, "", "loglik", -f$deviance / 2)
  put(dataset, model, "", "deviance", f$deviance); put(dataset, model, "", "aic", f$aic)
  put(dataset, model, "", "penalised_loglik", pr$plmax)
  put(dataset, model, "", "model_chisq", pr$model_chisq); put(dataset, model, "", "model_df", ncol(X) - 1)
  put(dataset, model, "", "model_p", pr$model_p)
  put(dataset, model, "", "n", nrow(data)); put(dataset, model, "", "events", sum(y))
}

for (v in c("bme", "sex", "width", "age")) ml("cohort", paste0("uni_", v), reformulate(v, "success"), cohort)
ml("cohort", "multi", success ~ bme + sex + width + age, cohort)
ml("infert", "multi", case ~ spontaneous + induced, infert)
firth("cohort", "firth_uni_rare", success ~ rare, cohort)
firth("cohort", "firth_multi_rare", success ~ bme + sex + width + age + rare, cohort)
firth("cohort", "firth_multi", success ~ bme + sex + width + age, cohort)
firth("infert", "firth_multi", case ~ spontaneous + induced, infert)
out <- do.call(rbind, rows)
writeLines(paste("#", versions), file.path(res, "logistic-reference.csv"))
suppressWarnings(write.table(out, file.path(res, "logistic-reference.csv"), sep = ",", quote = FALSE,
                             row.names = FALSE, append = TRUE))

# ---- agreement --------------------------------------------------------------------------
rows <- list()
ratings <- read.csv(file.path(res, "ratings.csv"))
kappa_ref <- function(model, a, b, levels = NULL) {
  lev <- if (is.null(levels)) levels(as.factor(cbind(a, b))) else levels
  if (!is.null(levels)) lev <- levels
  k <- length(lev)
  lin <- 1 - abs(outer(1:k, 1:k, "-")) / (k - 1)
  ck <- cohen.kappa(cbind(a, b), levels = levels)            # quadratic weights by default
  cl <- cohen.kappa(cbind(a, b), w = lin, levels = levels)   # linear weights
  put("ratings", model, "unweighted", "kappa", ck$kappa)
  put("ratings", model, "unweighted", "se", sqrt(ck$var.kappa))
  put("ratings", model, "unweighted", "lower", ck$confid[1, 1])
  put("ratings", model, "unweighted", "upper", ck$confid[1, 3])
  tab <- table(factor(a, levels = lev), factor(b, levels = lev))
  for (w in c("quadratic", "linear")) {
    wk <- if (w == "quadratic") ck$weighted.kappa else cl$weighted.kappa
    psych_var <- if (w == "quadratic") ck$var.weighted else cl$var.weighted
    K <- Kappa(tab, weights = if (w == "quadratic") "Fleiss-Cohen" else "Equal-Spacing")
    stopifnot(abs(K$Weighted[["value"]] - wk) < 1e-12)
    ase <- K$Weighted[["ASE"]]
    put("ratings", model, w, "kappa", wk)
    put("ratings", model, w, "se", ase)                      # vcd::Kappa (Fleiss, Cohen & Everitt 1969)
    put("ratings", model, w, "lower", max(-1, wk - z * ase)) # clamped to [-1, 1] as psych does
    put("ratings", model, w, "upper", min(1, wk + z * ase))
    put("ratings", model, w, "psych_se", sqrt(psych_var))    # psych 2.2.9, differs: see package-info
  }
  put("ratings", model, "", "n", length(a)); put("ratings", model, "", "categories", k)
}
kappa_ref("bme", ratings$bme_r1, ratings$bme_r2)
kappa_ref("grade", ratings$grade_r1, ratings$grade_r2)
kappa_ref("grade_levels_0_5", ratings$grade_r1, ratings$grade_r2, levels = 0:5)
kappa_ref("compartment", ratings$comp_r1, ratings$comp_r2)

icc_ref <- function(dataset, model, x) {
  r <- ICC(x, lmer = FALSE)$results["Single_random_raters", ]
  put(dataset, model, "ICC2", "icc", r$ICC); put(dataset, model, "ICC2", "f", r$F)
  put(dataset, model, "ICC2", "df1", r$df1); put(dataset, model, "ICC2", "df2", r$df2)
  put(dataset, model, "ICC2", "p", r$p)
  put(dataset, model, "ICC2", "lower", r[["lower bound"]]); put(dataset, model, "ICC2", "upper", r[["upper bound"]])
}
icc_ref("ratings", "width", ratings[, c("width_r1", "width_r2")])
icc_ref("shrout_fleiss", "table2", read.csv(file.path(res, "shrout-fleiss.csv")))
out <- do.call(rbind, rows)
writeLines(paste("#", versions), file.path(res, "agreement-reference.csv"))
suppressWarnings(write.table(out, file.path(res, "agreement-reference.csv"), sep = ",", quote = FALSE,
                             row.names = FALSE, append = TRUE))

# ---- distribution functions ---------------------------------------------------------------
rows <- list()
for (x in c(-8, -3.5, -1.959963984540054, -0.3, 0, 0.7, 2.5, 6, 12)) put("dist", "pnorm", "", sprintf("%.17g", x), pnorm(x))
for (p in c(1e-12, 1e-4, 0.01, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999)) put("dist", "qnorm", "", sprintf("%.17g", p), qnorm(p))
for (a in list(c(0.001, 1), c(3.841458820694124, 1), c(25, 1), c(0.5, 4), c(7.3, 4), c(60, 40), c(150, 134)))
  put("dist", "pchisq_upper", sprintf("%.17g", a[2]), sprintf("%.17g", a[1]), pchisq(a[1], a[2], lower.tail = FALSE))
for (a in list(c(0.5, 3, 7), c(2.2, 133, 133), c(1.7, 5, 15), c(30, 133, 121.7), c(0.95, 10000, 40)))
  put("dist", "pf_upper", sprintf("%.17g,%.17g", a[2], a[3]), sprintf("%.17g", a[1]), pf(a[1], a[2], a[3], lower.tail = FALSE))
for (a in list(c(0.975, 133, 133), c(0.975, 5, 15), c(0.975, 15, 5), c(0.025, 133, 97.3), c(0.975, 3.4, 5), c(0.5, 1, 1)))
  put("dist", "qf", sprintf("%.17g,%.17g", a[2], a[3]), sprintf("%.17g", a[1]), qf(a[1], a[2], a[3]))
out <- do.call(rbind, rows)
writeLines(paste("#", versions), file.path(res, "distribution-reference.csv"))
suppressWarnings(write.table(out, file.path(res, "distribution-reference.csv"), sep = ",", quote = TRUE,
                             row.names = FALSE, append = TRUE))
