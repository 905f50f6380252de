package io.eventflow.app.cli;

/** Queueing formulas ported from shared/bench/theory.py (W = mean sojourn time, Wq = mean wait). */
final class Theory {
    record Prediction(double w, double wq, double utilisation, double throughput) {}

    private Theory() {}

    static Prediction mm1(double lam, double mu) {
        check(lam, mu, 1);
        return new Prediction(1 / (mu - lam), (lam / mu) / (mu - lam), lam / mu, lam);
    }

    static double erlangC(int c, double a) {
        double b = 1.0;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double rho = a / c;
        return b / (1.0 - rho * (1.0 - b));
    }

    static Prediction mmc(double lam, double mu, int c) {
        check(lam, mu, c);
        double wq = erlangC(c, lam / mu) / (c * mu - lam);
        return new Prediction(wq + 1 / mu, wq, lam / (c * mu), lam);
    }

    static Prediction md1(double lam, double mu) {
        check(lam, mu, 1);
        double rho = lam / mu;
        double wq = rho / (2 * mu * (1 - rho));
        return new Prediction(wq + 1 / mu, wq, rho, lam);
    }

    /** E_k/M/1 with arrival rate {@code lam}: sigma is the root in (0,1) of sigma = (k lam/(k lam + mu(1-sigma)))^k. */
    static Prediction ekm1(double lam, double mu, int k) {
        check(lam, mu, 1);
        double lo = 0;
        double hi = 1 - 1e-15;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double lst = Math.pow(k * lam / (k * lam + mu * (1 - mid)), k);
            if (lst - mid > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double sigma = (lo + hi) / 2;
        return new Prediction(1 / (mu * (1 - sigma)), sigma / (mu * (1 - sigma)), lam / mu, lam);
    }

    private static void check(double lam, double mu, int c) {
        if (lam >= c * mu) {
            throw new IllegalArgumentException("unstable");
        }
    }
}
