package cn.hunan.hrss.employmenthub.operations;

/** Process exit codes: 0 success, anything else a failure with the reason on the last line. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CONFIG = 2;
    /** Some sources failed their error limits; the others loaded. */
    public static final int PARTIAL = 3;
    public static final int USAGE = 64;
    /** Another process holds the warehouse lock (sysexits' EX_TEMPFAIL: try again later). */
    public static final int LOCKED = 75;

    private ExitCodes() {
    }
}
