package cn.hunan.hrss.employmenthub.source;

import java.io.IOException;

/**
 * A file whose content is broken as a whole (a workbook that is not a workbook, a JSON file that holds no array,
 * a header that names a mapped column twice): the file is quarantined as one read error and not remembered as
 * loaded, so its corrected version is read; the source's other files still load. A mapping that does not fit
 * the source (a missing sheet or column) is not this: it fails the source.
 */
public class UnreadableFileException extends IOException {

    private final long line;

    public UnreadableFileException(String message) {
        this(message, 1, null);
    }

    public UnreadableFileException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    /** {@code line}: where the break sits (a header row), 1 when the file as a whole is broken. */
    public UnreadableFileException(String message, long line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
