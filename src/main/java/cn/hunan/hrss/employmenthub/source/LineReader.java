package cn.hunan.hrss.employmenthub.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line from its bytes and decodes each line on its own, strictly: a line whose bytes are
 * not valid in the declared encoding (GBK bytes in a UTF-8 file, or the reverse) is returned as undecodable, with a
 * lenient decoding kept for the record, and the next line is read as usual. A byte-order mark at the start of the
 * file is passed over. Lines end as {@link PhysicalLines} counts them, so the two always agree.
 */
public final class LineReader implements AutoCloseable {

    /** One physical line: its 1-based number, its text without the break, and whether its bytes failed to decode. */
    public record Line(long number, String text, boolean undecodable) {
    }

    private final InputStream in;
    private final Charset charset;
    private final boolean loneCrBreaks;
    private long number;
    private int peeked = -2;

    /** With {@code loneCrBreaks}, a CR not followed by LF also ends a line (else only LF does; a CR before it is dropped). */
    public LineReader(Path file, Charset charset, boolean loneCrBreaks) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.charset = charset;
        this.loneCrBreaks = loneCrBreaks;
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        int b;
        boolean ended = false;
        while ((b = read()) >= 0) {
            if (b == '\n') {
                ended = true;
                break;
            }
            if (b == '\r') {
                int after = read();
                if (after == '\n') {
                    ended = true;
                    break;
                }
                if (after >= 0) {
                    peeked = after;
                }
                if (loneCrBreaks) {
                    ended = true;
                    break;
                }
                if (after < 0) {
                    ended = true;
                    break;
                }
            }
            buf.write(b);
        }
        if (!ended && buf.size() == 0) {
            return null;
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int start = number == 1 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Line(number, text, false);
        } catch (CharacterCodingException e) {
            return new Line(number, new String(bytes, start, bytes.length - start, charset), true);
        }
    }

    /** The number of the last line returned. */
    public long lineNumber() {
        return number;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int b = peeked;
            peeked = -2;
            return b;
        }
        return in.read();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
