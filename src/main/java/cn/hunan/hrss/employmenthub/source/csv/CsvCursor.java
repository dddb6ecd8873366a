package cn.hunan.hrss.employmenthub.source.csv;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.PhysicalLines;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.validation.Rule;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited file line by line so that one bad line costs one record: a line whose bytes are not
 * valid in the declared encoding, or whose quotes never close, is handed on as unreadable with its line
 * number, and reading goes on with the next line. Quoted values may span up to {@value #MAX_SPAN} lines.
 */
final class CsvCursor implements RecordCursor {

    private static final int MAX_SPAN = 20;

    private record Line(long number, String text, boolean undecodable) {
        // text of an undecodable line is decoded leniently, for the record of what was received
    }

    private final String sourceId;
    private final ExtractUnit unit;
    private final InputStream in;
    private final Charset charset;
    private final CSVFormat format;
    private final RowFilter filter;
    private final Deque<Line> pushback = new ArrayDeque<>();
    private List<String> header;
    private long lineNo;
    private long skipped;
    private long accounted;
    private boolean first = true;

    CsvCursor(String sourceId, ExtractUnit unit, Charset charset, char delimiter, int headerRow, RowFilter filter)
            throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.charset = charset;
        this.filter = filter;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        this.in = new BufferedInputStream(Files.newInputStream(unit.file()), 1 << 16);
        readHeader(headerRow);
    }

    private void readHeader(int headerRow) throws IOException {
        Line line = null;
        for (int i = 0; i < headerRow; i++) {
            line = nextLine();
            if (line == null) {
                header = List.of();
                return;
            }
            accounted++;
        }
        List<String> cols = line.undecodable() ? null : split(line.text());
        if (cols == null) {
            throw new IOException(unit.label() + ": header row " + headerRow + " cannot be read in " + charset
                    + " (wrong encoding or header-row?)");
        }
        header = cols.stream().map(String::trim).toList();
    }

    @Override
    public SourceRecord next() throws IOException {
        while (true) {
            Line line = nextLine();
            if (line == null) {
                return null;
            }
            if (line.undecodable()) {
                accounted++;
                return unreadable(line, Rule.READ_ENCODING, "bytes not valid in " + charset.name());
            }
            String text = line.text();
            List<Line> span = new ArrayList<>();
            span.add(line);
            while (!balanced(text) && span.size() < MAX_SPAN) {
                Line more = nextLine();
                if (more == null || more.undecodable()) {
                    if (more != null) {
                        pushback.push(more);
                    }
                    break;
                }
                span.add(more);
                text = text + "\n" + more.text();
            }
            if (!balanced(text)) {
                for (int i = span.size() - 1; i >= 1; i--) {
                    pushback.push(span.get(i));
                }
                accounted++;
                return unreadable(line, Rule.READ_CSV_MALFORMED, "a quoted value is never closed");
            }
            accounted += span.size();
            List<String> values = split(text);
            if (values == null) {
                return unreadable(line, Rule.READ_CSV_MALFORMED, "the line cannot be split into columns");
            }
            if (values.size() > header.size() && !values.subList(header.size(), values.size()).stream().allMatch(String::isBlank)) {
                return unreadable(line, Rule.READ_COLUMN_COUNT, values.size() + " columns, header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < values.size() ? values.get(i) : null);
            }
            if (filter.skip(row)) {
                skipped++;
                continue;
            }
            return SourceRecord.of(sourceId, unit.entity(), unit.label(), line.number(), row);
        }
    }

    private SourceRecord unreadable(Line line, Rule rule, String detail) {
        return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), line.number(), rule.name(), detail, line.text());
    }

    private static boolean balanced(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 0;
    }

    private List<String> split(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            if (records.size() > 1) {
                return null;
            }
            List<String> out = new ArrayList<>();
            records.get(0).forEach(out::add);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Line nextLine() throws IOException {
        if (!pushback.isEmpty()) {
            return pushback.pop();
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        lineNo++;
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        int start = 0;
        if (first && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        first = false;
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, len - start)).toString();
            return new Line(lineNo, text, false);
        } catch (CharacterCodingException e) {
            return new Line(lineNo, new String(bytes, start, len - start, charset), true);
        }
    }

    @Override
    public long skipped() {
        return skipped;
    }

    /** The file's physical lines, counted from its bytes. */
    @Override
    public OptionalLong sourceCount() throws IOException {
        return OptionalLong.of(PhysicalLines.count(unit.file(), false));
    }

    /** Lines of the title and header, of every record (all lines of a quoted value) and of every row passed over. */
    @Override
    public long accounted() {
        return accounted;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
