package org.parsreader.scoring.stats;

import java.util.Arrays;

/**
 * Newton-Raphson for the binary logistic model, plain or with Firth's penalty
 * {@code l*(b) = l(b) + 1/2 ln det I(b)}, optionally with some coefficients held fixed
 * (drop-one and penalised likelihood-ratio tests, profile intervals). For the logit link
 * Newton and Fisher scoring (IRLS) coincide. Firth's modified score is
 * {@code U*_r = sum_i x_ir (y_i - mu_i + h_i (1/2 - mu_i))} with h the diagonal of the
 * hat matrix {@code W^1/2 X I^-1 X^T W^1/2} of the full design; the step is
 * {@code I_FF^-1 U*_F} over the free coefficients F, as in logistf's {@code logistf.fit}
 * (Heinze &amp; Schemper 2002). Every step is halved until the (penalised) log-likelihood
 * does not decrease.
 */
final class LogisticCore {
    /** Relative pivot tolerance below which X^T W X counts as singular. */
    static final double SINGULAR_TOL = 1e-10;

    final double[][] x;     // row-major n x p, x[i][0] = 1
    final double[] y;
    final int n;
    final int p;
    final String[] names;

    /** One optimisation result; cov is the inverse of the full information at beta. */
    record Estimate(double[] beta, double[][] cov, double[] mu, double logLik, double penalisedLogLik,
                    int iterations, boolean converged, boolean infoSingular) { }

    LogisticCore(Design design, int[] outcome) {
        n = outcome.length;
        if (design.p() > 0 && design.columns()[0].length != n) {
            throw new StatsInputException.DimensionMismatchException("design rows vs outcome length",
                    n, design.columns()[0].length);
        }
        p = design.p() + 1;
        names = new String[p];
        names[0] = Design.INTERCEPT;
        for (int j = 1; j < p; j++) names[j] = design.names().get(j - 1);
        y = new double[n];
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (outcome[i] != 0 && outcome[i] != 1) {
                throw new StatsInputException.InvalidValueException("outcome (must be 0 or 1)", i, outcome[i]);
            }
            y[i] = outcome[i];
            events += outcome[i];
        }
        if (events == 0 || events == n) {
            throw new StatsInputException.DegenerateDataException("outcome has " + events + " events in " + n
                    + " subjects; a logistic model needs both outcomes");
        }
        x = new double[n][p];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int j = 1; j < p; j++) x[i][j] = design.columns()[j - 1][i];
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        int bad = Cholesky.firstDeficientColumn(crossProduct(ones), SINGULAR_TOL);
        if (bad >= 0) throw new StatsInputException.SingularDesignException(names[bad]);
    }

    int events() {
        int e = 0;
        for (double v : y) e += (int) v;
        return e;
    }

    /** X^T diag(w) X, full symmetric. */
    double[][] crossProduct(double[] w) {
        double[][] a = new double[p][p];
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            double wi = w[i];
            if (wi == 0) continue;
            for (int r = 0; r < p; r++) {
                double v = wi * xi[r];
                double[] ar = a[r];
                for (int c = 0; c <= r; c++) ar[c] += v * xi[c];
            }
        }
        for (int r = 0; r < p; r++) for (int c = 0; c < r; c++) a[c][r] = a[r][c];
        return a;
    }

    static double log1pExp(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    static double logistic(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** State at one beta: mu, weights, log-likelihood, information and its factor. */
    private final class State {
        final double[] beta;
        final double[] mu = new double[n];
        final double[] w = new double[n];
        final double logLik;
        final double[][] info;
        final Cholesky chol;
        final double objective;

        State(double[] beta, boolean firth) {
            this.beta = beta;
            double ll = 0;
            for (int i = 0; i < n; i++) {
                double eta = 0;
                double[] xi = x[i];
                for (int j = 0; j < p; j++) eta += xi[j] * beta[j];
                mu[i] = logistic(eta);
                w[i] = mu[i] * (1 - mu[i]);
                ll += y[i] * eta - log1pExp(eta);
            }
            logLik = ll;
            info = crossProduct(w);
            chol = Cholesky.of(info, 0);
            objective = !firth ? ll : chol == null ? Double.NEGATIVE_INFINITY : ll + 0.5 * chol.logDeterminant();
        }

        /** Diagonal of the hat matrix, h_i = w_i x_i^T I^-1 x_i. */
        double[] hat(double[][] cov) {
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                double[] xi = x[i];
                double q = 0;
                for (int r = 0; r < p; r++) {
                    double s = 0;
                    double[] cr = cov[r];
                    for (int c = 0; c < p; c++) s += cr[c] * xi[c];
                    q += xi[r] * s;
                }
                h[i] = w[i] * q;
            }
            return h;
        }
    }

    /**
     * Maximises the (penalised) log-likelihood over the coefficients with {@code free[j]};
     * the others keep their value in {@code start}.
     */
    Estimate fit(boolean firth, boolean[] free, double[] start, double tol, int maxIterations) {
        int[] f = indices(free);
        State s = new State(start.clone(), firth);
        int it = 0;
        boolean converged = false;
        while (it < maxIterations && s.chol != null) {
            double[] score = new double[f.length];
            double[] h = firth ? s.hat(s.chol.inverse()) : null;
            for (int i = 0; i < n; i++) {
                double resid = y[i] - s.mu[i] + (firth ? h[i] * (0.5 - s.mu[i]) : 0);
                double[] xi = x[i];
                for (int k = 0; k < f.length; k++) score[k] += xi[f[k]] * resid;
            }
            double[][] sub = new double[f.length][f.length];
            for (int a = 0; a < f.length; a++) for (int b = 0; b < f.length; b++) sub[a][b] = s.info[f[a]][f[b]];
            Cholesky c = Cholesky.of(sub, 0);
            if (c == null) break;
            double[] step = c.solve(score);
            it++;
            double maxStep = 0;
            for (int k = 0; k < f.length; k++) {
                maxStep = Math.max(maxStep, Math.abs(step[k]) / (1 + Math.abs(s.beta[f[k]])));
            }
            State next = null;
            double factor = 1;
            for (int half = 0; half < 40; half++) {
                double[] b = s.beta.clone();
                for (int k = 0; k < f.length; k++) b[f[k]] += factor * step[k];
                State cand = new State(b, firth);
                // a singular information (all weights underflow under separation) is never accepted
                if (cand.chol != null && cand.objective >= s.objective - 1e-12 * Math.abs(s.objective)) {
                    next = cand;
                    break;
                }
                factor *= 0.5;
            }
            if (next == null) { converged = maxStep < 1e-6; break; }
            s = next;
            if (maxStep < tol) { converged = true; break; }
        }
        boolean singular = s.chol == null;
        double[][] cov = singular ? null : s.chol.inverse();
        double pen = firth && !singular ? s.objective : Double.NaN;
        return new Estimate(s.beta, cov, s.mu, s.logLik, pen, it, converged, singular);
    }

    static boolean[] allFree(int p) {
        boolean[] b = new boolean[p];
        Arrays.fill(b, true);
        return b;
    }

    private static int[] indices(boolean[] free) {
        int k = 0;
        for (boolean b : free) if (b) k++;
        int[] f = new int[k];
        k = 0;
        for (int j = 0; j < free.length; j++) if (free[j]) f[k++] = j;
        return f;
    }

    /** Start: intercept at the logit of the event rate, slopes 0. */
    double[] nullStart() {
        double[] b = new double[p];
        double ybar = events() / (double) n;
        b[0] = Math.log(ybar / (1 - ybar));
        return b;
    }
}
