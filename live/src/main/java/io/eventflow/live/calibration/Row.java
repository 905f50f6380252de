package io.eventflow.live.calibration;

/**
 * One line of the calibration table.
 *
 * @param simulated the figure over the simulated runs (null when skipped before simulating)
 * @param live the figure over the live runs (null when skipped)
 * @param why for a skipped case, the reason (e.g. the server program that is missing); else empty
 */
public record Row(
        String caseId, String figure, Stats simulated, Stats live, Tolerance tolerance, Verdict verdict, String why) {

    /** Judges a figure: ok when the live median is within the tolerance of the simulated median. */
    public static Row judged(String caseId, Figure f, Stats simulated, Stats live) {
        Verdict v = f.tolerance().allows(simulated.median(), live.median()) ? Verdict.OK : Verdict.BEYOND;
        return new Row(caseId, f.name(), simulated, live, f.tolerance(), v, "");
    }

    public static Row failed(String caseId, Figure f, Stats simulated, String why) {
        return new Row(caseId, f.name(), simulated, null, f.tolerance(), Verdict.FAILED, why);
    }

    public static Row skipped(String caseId, Figure f, Stats simulated, String why) {
        return new Row(caseId, f.name(), simulated, null, f.tolerance(), Verdict.SKIPPED, why);
    }

    /** Live median minus simulated median; NaN when skipped. */
    public double difference() {
        return live == null || simulated == null ? Double.NaN : live.median() - simulated.median();
    }
}
