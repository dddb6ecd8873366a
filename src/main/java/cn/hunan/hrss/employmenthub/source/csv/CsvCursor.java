package cn.hunan.hrss.employmenthub.source.csv;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.LineReader.Line;
import cn.hunan.hrss.employmenthub.source.LineReader;
import cn.hunan.hrss.employmenthub.source.PhysicalLines;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
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

    private final String sourceId;
    private final ExtractUnit unit;
    private final LineReader lines;
    private final Charset charset;
    private final CSVFormat format;
    private final RowFilter filter;
    private final Deque<Line> pushback = new ArrayDeque<>();
    private List<String> header;
    private long skipped;
    private long accounted;
    private boolean complete = true;

    CsvCursor(String sourceId, ExtractUnit unit, Charset charset, char delimiter, int headerRow, RowFilter filter)
            throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.charset = charset;
        this.filter = filter;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        this.lines = new LineReader(unit.file(), charset, false);
        try {
            readHeader(headerRow);
        } catch (IOException e) {
            lines.close();
            throw e;
        }
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
        refuseDuplicatedMappedColumns(headerRow);
    }

    /** A header naming a mapped column twice leaves unknown which value is meant: the file is unreadable. */
    private void refuseDuplicatedMappedColumns(int headerRow) throws UnreadableFileException {
        if (unit.mapping() == null || unit.mapping().columns() == null) {
            return;
        }
        for (String column : new java.util.TreeSet<>(unit.mapping().columns().values())) {
            int first = header.indexOf(column);
            int last = header.lastIndexOf(column);
            if (first >= 0 && first != last) {
                throw new UnreadableFileException("the header names the mapped column '" + column + "' twice (columns "
                        + (first + 1) + " and " + (last + 1) + "): which value is meant is unknown", headerRow, null);
            }
        }
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
            boolean endOfFile = false;
            while (!balanced(text) && span.size() < MAX_SPAN) {
                Line more = nextLine();
                endOfFile = more == null;
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
                if (endOfFile) {
                    complete = false;   // the quote is still open where the file ends: the file was cut off
                }
                for (int i = span.size() - 1; i >= 1; i--) {
                    pushback.push(span.get(i));
                }
                accounted++;
                return unreadable(line, Rule.READ_CSV_MALFORMED, endOfFile ? "a quoted value is still open where the file "
                        + "ends (cut off?): the file is not remembered as loaded" : "a quoted value is never closed");
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
        return pushback.isEmpty() ? lines.next() : pushback.pop();
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

    /** False when a quoted value is still open where the file ends: it was cut off in the middle of a record. */
    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
