package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.LineReader;
import cn.hunan.hrss.employmenthub.source.PhysicalLines;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.OptionalLong;

/**
 * One JSON object per line; a line that is no JSON object (or whose bytes are not valid in the encoding, or that is
 * nested deeper than a record may be) is unreadable, the rest still load.
 */
final class NdjsonCursor implements RecordCursor {

    /** Strict about what follows the object: two objects on one line are one malformed line, not the first alone. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String sourceId;
    private final ExtractUnit unit;
    private final LineReader lines;
    private final Charset charset;
    private long skipped;

    NdjsonCursor(String sourceId, ExtractUnit unit, Charset charset) throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.charset = charset;
        this.lines = new LineReader(unit.file(), charset, true);
    }

    @Override
    public SourceRecord next() throws IOException {
        LineReader.Line read;
        while ((read = lines.next()) != null) {
            long lineNo = read.number();
            String line = read.text();
            if (read.undecodable()) {
                return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), lineNo, Rule.READ_ENCODING.name(),
                        "bytes not valid in " + charset.name(), line);
            }
            if (line.isBlank()) {
                skipped++;
                continue;
            }
            try {
                JsonNode node = MAPPER.readTree(line);
                if (node == null || !node.isObject()) {
                    return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), lineNo,
                            Rule.READ_JSON_MALFORMED.name(), "not a JSON object", line);
                }
                return SourceRecord.of(sourceId, unit.entity(), unit.label(), lineNo, Flattener.flatten(node));
            } catch (JsonProcessingException e) {
                return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), lineNo,
                        Rule.READ_JSON_MALFORMED.name(), e instanceof StreamConstraintsException ? "nested or sized beyond "
                                + "what a record may be: " + e.getOriginalMessage() : "invalid JSON at column "
                                + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), line);
            }
        }
        return null;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    /** The file's physical lines, counted from its bytes (LF, CR LF or a lone CR end a line). */
    @Override
    public OptionalLong sourceCount() throws IOException {
        return OptionalLong.of(PhysicalLines.count(unit.file(), true));
    }

    /** Every line read: a record, an unreadable record or a blank line passed over. */
    @Override
    public long accounted() {
        return lines.lineNumber();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
