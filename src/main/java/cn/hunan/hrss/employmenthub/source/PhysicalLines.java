package cn.hunan.hrss.employmenthub.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the lines of a text file from its bytes, apart from any parser: the source's own account of what it holds,
 * for the reconciliation to hold the reader to. A last line without a line break counts.
 */
public final class PhysicalLines {

    private PhysicalLines() {
    }

    /**
     * Lines ended by LF (a CR before it belongs to the break); with {@code loneCrBreaks}, a CR not followed by LF
     * also ends a line (as {@link java.io.BufferedReader#readLine()} reads it).
     */
    public static long count(Path file, boolean loneCrBreaks) throws IOException {
        long lines = 0;
        boolean pending = false;
        boolean afterCr = false;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (!(loneCrBreaks && afterCr)) {
                            lines++;
                        }
                        pending = false;
                        afterCr = false;
                    } else if (b == '\r' && loneCrBreaks) {
                        lines++;
                        pending = false;
                        afterCr = true;
                    } else {
                        pending = true;
                        afterCr = false;
                    }
                }
            }
        }
        return pending ? lines + 1 : lines;
    }
}
