package dev.sheaf4j.conformance;

/**
 * One conformance check's outcome: its verdict, its name, what was computed, what the fixture
 * expects and the tolerance applied (or, for a skipped check, the reason).
 */
public record CheckResult(Status status, String name, String got, String expected, String tolerance) {
    /** A skipped check, with the reason in place of the tolerance. */
    public static CheckResult skip(String name, String reason) {
        return new CheckResult(Status.SKIP, name, "-", "-", reason);
    }

    /** A check that could not be computed: the message, on one line, is what went wrong. */
    public static CheckResult error(String name, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return new CheckResult(Status.FAIL, name, "error: " + line, "-", "-");
    }

    /** The one-line report: {@code STATUS  name  got=...  expected=...  tol=...}. */
    public String line() {
        if (status == Status.SKIP) {
            return "SKIP  " + name + "  (" + tolerance + ")";
        }
        return status + "  " + name + "  got=" + got + "  expected=" + expected + "  tol=" + tolerance;
    }
}
