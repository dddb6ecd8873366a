package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.PhysicalLines;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.validation.Rule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.OptionalLong;

/** One JSON object per line; a line that is no JSON object is unreadable, the rest still load. */
final class NdjsonCursor implements RecordCursor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String sourceId;
    private final ExtractUnit unit;
    private final BufferedReader reader;
    private long lineNo;
    private long skipped;

    NdjsonCursor(String sourceId, ExtractUnit unit, Charset charset) throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.reader = Files.newBufferedReader(unit.file(), charset);
    }

    @Override
    public SourceRecord next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
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
                        Rule.READ_JSON_MALFORMED.name(), "invalid JSON at column " + e.getLocation().getColumnNr(), line);
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
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
