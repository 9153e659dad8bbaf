package org.parsreader.scoring.stats;

/**
 * Normal, chi-square and F distribution functions to about 1e-14 relative accuracy
 * (1e-11 for F with degrees of freedom near 10^4, from ln Gamma cancellation),
 * written out so that the statistics core has no numerical dependency.
 *
 * <p>Everything rests on two special functions: the regularised incomplete gamma
 * function (series and modified-Lentz continued fraction, Numerical Recipes 3rd ed.
 * §6.2) and the regularised incomplete beta function (continued fraction, NR §6.4).
 * {@code log Gamma} is Stirling's series with 8 terms after shifting the argument above
 * 15 (truncation error below 1e-18). The normal tail is {@code Q(1/2, x^2/2) / 2}; the
 * normal quantile is Acklam's rational start refined by Halley steps on that tail.
 * Checked against R's {@code pnorm}, {@code qnorm}, {@code pchisq}, {@code pf},
 * {@code qf} to 1e-10 in {@code DistributionsTest}.
 */
public final class Distributions {
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final double HALF_LOG_2PI = 0.91893853320467274178;

    private Distributions() { }

    /** ln Gamma(x) for x &gt; 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        double shift = 0;
        double prod = 1;
        while (x < 15) {
            prod *= x;
            x += 1;
            if (prod > 1e250) { shift += Math.log(prod); prod = 1; }
        }
        shift += Math.log(prod);
        double z = 1 / (x * x);
        double series = (1.0 / 12 + z * (-1.0 / 360 + z * (1.0 / 1260 + z * (-1.0 / 1680
                + z * (1.0 / 1188 + z * (-691.0 / 360360 + z * (1.0 / 156
                + z * (-3617.0 / 122400)))))))) / x;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
    }

    /** Regularised lower incomplete gamma P(a, x). */
    public static double gammaP(double a, double x) {
        if (x <= 0) return 0;
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
    }

    /** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), without cancellation. */
    public static double gammaQ(double a, double x) {
        if (x <= 0) return 1;
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double del = 1 / a;
        double sum = del;
        for (int i = 0; i < 100_000; i++) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * EPS) break;
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) break;
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** Regularised incomplete beta I_x(a, b). */
    public static double betaI(double a, double b, double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b)
                + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(a, b, x) / a;
        return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
    }

    private static double betaContinuedFraction(double a, double b, double x) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) d = TINY;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 100_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) break;
        }
        return h;
    }

    /** Standard normal upper tail P(Z &gt; x), accurate far into the tail. */
    public static double normalSf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x == 0) return 0.5;
        double q = 0.5 * gammaQ(0.5, 0.5 * x * x);
        return x > 0 ? q : 1 - q;
    }

    /** Standard normal distribution function P(Z &lt;= x). */
    public static double normalCdf(double x) {
        return normalSf(-x);
    }

    /** Two-sided p-value of a z statistic: 2 P(Z &gt; |z|). */
    public static double twoSidedP(double z) {
        return Double.isNaN(z) ? Double.NaN : 2 * normalSf(Math.abs(z));
    }

    /** Standard normal quantile, 0 &lt; p &lt; 1. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) return Double.NEGATIVE_INFINITY;
            if (p == 1) return Double.POSITIVE_INFINITY;
            throw new IllegalArgumentException("normalQuantile needs 0 <= p <= 1, got " + p);
        }
        if (p > 0.5) return -normalQuantile(1 - p);
        // Acklam's approximation (relative error 1.15e-9) for the lower half ...
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        }
        // ... refined by Halley steps on the accurate distribution function.
        for (int i = 0; i < 3; i++) {
            double e = normalCdf(x) - p;
            double u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
            x = x - u / (1 + 0.5 * x * u);
        }
        return x;
    }

    /** Chi-square upper tail P(X &gt; x) with {@code df} degrees of freedom. */
    public static double chiSquareSf(double x, double df) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x <= 0) return 1;
        if (df == 1) return 2 * normalSf(Math.sqrt(x));
        return gammaQ(0.5 * df, 0.5 * x);
    }

    /** Chi-square quantile for 1 degree of freedom: qnorm((1 + p) / 2)^2. */
    public static double chiSquare1Quantile(double p) {
        double z = normalQuantile(0.5 + 0.5 * p);
        return z * z;
    }

    /** F distribution function P(F &lt;= f) with df1, df2 (real, positive) degrees of freedom. */
    public static double fCdf(double f, double df1, double df2) {
        if (f <= 0) return 0;
        if (Double.isInfinite(f)) return 1;
        return betaI(0.5 * df1, 0.5 * df2, df1 * f / (df1 * f + df2));
    }

    /** F upper tail P(F &gt; f), computed without cancellation. */
    public static double fSf(double f, double df1, double df2) {
        if (f <= 0) return 1;
        if (Double.isInfinite(f)) return 0;
        return betaI(0.5 * df2, 0.5 * df1, df2 / (df1 * f + df2));
    }

    /** F quantile: the f with P(F &lt;= f) = p, by bisection on the beta variable to full precision. */
    public static double fQuantile(double p, double df1, double df2) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("fQuantile needs 0 < p < 1, got " + p);
        if (!(df1 > 0 && df2 > 0)) {
            throw new IllegalArgumentException("fQuantile needs positive df, got " + df1 + ", " + df2);
        }
        double a = 0.5 * df1;
        double b = 0.5 * df2;
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 2000 && hi - lo > 1e-17 * Math.max(1e-300, lo); i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (betaI(a, b, mid) < p) lo = mid; else hi = mid;
        }
        double x = 0.5 * (lo + hi);
        return df2 * x / (df1 * (1 - x));
    }
}
