# Penalised likelihood-ratio tests and profile penalised-likelihood intervals for Firth's
# logistic regression, as R's logistf computes them (logistf is not packaged in Debian 12):
# l*(b) = l(b) + 1/2 log det(X' W X) with the full design X; for coefficient j,
# PLR(b0) = 2 (l*(b^) - max_{b_j = b0} l*(b)), chi-square 1 df; the 95 % profile interval
# is {b0 : PLR(b0) <= qchisq(0.95, 1)}. The constrained maxima use R's optim (BFGS, analytic
# gradient = Firth's modified score), polished by Fisher-scoring steps until the score is
# below 1e-9 (the definition of the maximum, whatever the path); the limits come from uniroot. Used by reference.R.
pen_loglik <- function(beta, X, y) {
  eta <- drop(X %*% beta)
  mu <- plogis(eta)
  ll <- sum(y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE))
  ll + 0.5 * as.numeric(determinant(crossprod(X, X * (mu * (1 - mu))), logarithm = TRUE)$modulus)
}
pen_score <- function(beta, X, y) {
  mu <- plogis(drop(X %*% beta)); w <- mu * (1 - mu)
  h <- w * rowSums((X %*% solve(crossprod(X, X * w))) * X)
  drop(crossprod(X, y - mu + h * (0.5 - mu)))
}
# max of l* with the coefficients in 'fixed' held at beta[fixed]
pen_max <- function(beta, fixed, X, y) {
  free <- setdiff(seq_along(beta), fixed)
  fn <- function(b) { full <- beta; full[free] <- b; -pen_loglik(full, X, y) }
  gr <- function(b) { full <- beta; full[free] <- b; -pen_score(full, X, y)[free] }
  o <- optim(beta[free], fn, gr, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
  full <- beta; full[free] <- o$par
  # BFGS stops with a score of about 1e-6; polish with Fisher-scoring steps on the score
  for (it in 1:50) {
    if (length(free) == 0) break
    w <- plogis(drop(X %*% full)); w <- w * (1 - w)
    step <- solve(crossprod(X, X * w)[free, free, drop = FALSE], pen_score(full, X, y)[free])
    full[free] <- full[free] + step
    if (max(abs(step)) < 1e-13) break
  }
  g <- max(abs(pen_score(full, X, y)[free]))
  if (length(free) > 0 && g > 1e-9) warning("constrained maximum: score ", g)
  o$value <- -pen_loglik(full, X, y)
  list(value = -o$value, beta = full)
}
firth_profile <- function(X, y, bhat) {
  top <- pen_max(bhat, integer(0), X, y)
  if (max(abs(top$beta - bhat)) > 1e-6) stop("BFGS maximum differs from brglm2 by ", max(abs(top$beta - bhat)))
  plmax <- pen_loglik(bhat, X, y)
  q <- qchisq(0.95, 1)
  se <- sqrt(diag(solve(crossprod(X, X * (plogis(drop(X %*% bhat)) * (1 - plogis(drop(X %*% bhat))))))))
  p <- ncol(X)
  chisq <- lower <- upper <- numeric(p)
  for (j in 1:p) {
    prof <- function(b0) { b <- bhat; b[j] <- b0; 2 * (plmax - pen_max(b, j, X, y)$value) - q }
    b0 <- bhat; b0[j] <- 0
    chisq[j] <- 2 * (plmax - pen_max(b0, j, X, y)$value)
    limit <- function(side) {
      far <- bhat[j] + side * 2 * sqrt(q) * se[j]
      while (prof(far) < 0) far <- bhat[j] + 2 * (far - bhat[j])
      uniroot(prof, sort(c(bhat[j], far)), tol = 1e-12, maxiter = 1000)$root
    }
    lower[j] <- limit(-1); upper[j] <- limit(1)
  }
  b0 <- bhat; b0[-1] <- 0
  model_chisq <- 2 * (plmax - pen_max(b0, 2:p, X, y)$value)
  list(plmax = plmax, chisq = chisq, p = pchisq(chisq, 1, lower.tail = FALSE), lower = lower, upper = upper,
       model_chisq = model_chisq, model_p = pchisq(model_chisq, p - 1, lower.tail = FALSE))
}
