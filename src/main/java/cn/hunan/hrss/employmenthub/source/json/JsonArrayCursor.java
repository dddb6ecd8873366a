package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.OptionalLong;

/**
 * A file holding one JSON array of objects (optionally under a top-level key), read element by element. A
 * syntax error makes the rest of the file unreadable, and so does an end of file before the array is closed (a
 * truncated file): it is handed on as one unreadable record with the line where the error sits, and the file is
 * not complete.
 */
final class JsonArrayCursor implements RecordCursor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String sourceId;
    private final ExtractUnit unit;
    private final JsonParser parser;
    private final Charset charset;
    private boolean done;
    private boolean complete = true;
    private long records;

    JsonArrayCursor(String sourceId, ExtractUnit unit, Charset charset) throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.charset = charset;
        this.parser = MAPPER.getFactory().createParser(Files.newBufferedReader(unit.file(), charset));
        try {
            done = !toArray(parser, unit);
        } catch (IOException e) {
            parser.close();
            throw e;
        }
    }

    /**
     * Moves a parser to the start of the file's array of records: the top level, or the first array in an object.
     * False for a file with nothing in it (no records); a file that holds no array, or no JSON, is unreadable.
     */
    private static boolean toArray(JsonParser parser, ExtractUnit unit) throws IOException {
        JsonToken t;
        try {
            t = parser.nextToken();
            if (t == null) {
                return false;
            }
            if (t == JsonToken.START_OBJECT) {
                while ((t = parser.nextToken()) != null && t != JsonToken.START_ARRAY) {
                    // descend to the first array: {"data": [...]}
                }
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(unit.label() + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (t != JsonToken.START_ARRAY) {
            throw new UnreadableFileException(unit.label() + ": expected a JSON array of records, found "
                    + (t == null ? "none" : t.name()));
        }
        return true;
    }

    /**
     * The array's elements, counted in a pass of their own that only skips over each element; empty when the file
     * is not complete (its records up to the break are loaded, the break is quarantined).
     */
    @Override
    public OptionalLong sourceCount() throws IOException {
        if (!complete) {
            return OptionalLong.empty();
        }
        try (JsonParser counter = MAPPER.getFactory().createParser(Files.newBufferedReader(unit.file(), charset))) {
            if (!toArray(counter, unit)) {
                return OptionalLong.of(0);
            }
            long elements = 0;
            JsonToken t;
            while ((t = counter.nextToken()) != null && t != JsonToken.END_ARRAY) {
                counter.skipChildren();
                elements++;
            }
            return OptionalLong.of(elements);
        }
    }

    /** The records read. */
    @Override
    public long accounted() {
        return records;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (done) {
            return null;
        }
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                done = true;
                complete = false;
                return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), parser.currentLocation().getLineNr(),
                        Rule.READ_JSON_MALFORMED.name(), "the file ends before its array is closed (truncated?)");
            }
            if (t == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            line = parser.currentLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                records++;
                return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), line, Rule.READ_JSON_MALFORMED.name(),
                        "element " + records + " of the array is " + (t.isScalarValue() ? "a single value" : "an array")
                                + ", not a record");
            }
            JsonNode node = parser.readValueAsTree();
            records++;
            return SourceRecord.of(sourceId, unit.entity(), unit.label(), line, Flattener.flatten(node));
        } catch (JsonProcessingException e) {
            done = true;
            complete = false;
            return SourceRecord.unreadable(sourceId, unit.entity(), unit.label(), e.getLocation() == null ? line
                    : e.getLocation().getLineNr(), Rule.READ_JSON_MALFORMED.name(), e instanceof JsonEOFException
                    ? "the file ends in the middle of a record (truncated?)" : "invalid JSON; the rest of the file is unreadable");
        }
    }

    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public long skipped() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
