package cn.hunan.hrss.employmenthub.job;

import java.io.PrintStream;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's reading progress: records so far, rate, and an ETA where the unit's size is known beforehand (a
 * database window is counted before it is read). On a terminal one line per source is rewritten every second;
 * elsewhere (a log file, a service) a plain log line is written every 10 seconds.
 */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final boolean TERMINAL = System.console() != null && System.getenv("HUB_PLAIN_PROGRESS") == null;

    private final String sourceId;
    private final long started = System.nanoTime();
    private long last = System.nanoTime();
    private long total;

    Progress(String sourceId) {
        this.sourceId = sourceId;
    }

    /** One more record read in unit {@code unit} of {@code units}, {@code read} of {@code expected} in that unit. */
    void record(int unit, int units, String label, long read, OptionalLong expected) {
        total++;
        long now = System.nanoTime();
        if (now - last < (TERMINAL ? 1_000_000_000L : 10_000_000_000L)) {
            return;
        }
        last = now;
        double seconds = Math.max((now - started) / 1e9, 0.001);
        long rate = Math.round(total / seconds);
        String eta = expected.isPresent() && rate > 0 && expected.getAsLong() > read
                ? ", unit done in ~" + Math.max(1, (expected.getAsLong() - read) / rate) + " s" : "";
        String line = String.format("%s: unit %d/%d %s: %,d record(s) read, %,d/s%s", sourceId, unit, units, label, total, rate,
                eta);
        if (TERMINAL) {
            PrintStream err = System.err;
            err.print("\r" + line + "   ");
            err.flush();
        } else {
            log.info(line);
        }
    }

    /** Ends the terminal line of this source. */
    void done() {
        if (TERMINAL && total > 0) {
            System.err.println();
        }
    }
}
