package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file that is gone, read again from the encrypted landing area: the records of the last run that landed it, in
 * their line order, decrypted as they were received. A line that could not be read then is unreadable again, with
 * the rule it was quarantined under. Used by a reprocess only; the file is not remembered as loaded.
 */
final class LandingCursor implements RecordCursor {

    /** The fingerprint of a unit read from the landing area: {@code landing:<run id>}. */
    static final String PREFIX = "landing:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private record Landed(long line, String payload, String rule) {
    }

    private final String sourceId;
    private final EntityType entity;
    private final String file;
    private final PersonalData pii;
    private final JdbcTemplate jdbc;
    private final long runId;
    private final Deque<Landed> page = new ArrayDeque<>();
    private long after = Long.MIN_VALUE;
    private boolean last;
    private long read;

    LandingCursor(JdbcTemplate jdbc, PersonalData pii, String sourceId, EntityType entity, String file, long runId) {
        this.sourceId = sourceId;
        this.entity = entity;
        this.file = file;
        this.pii = pii;
        this.jdbc = jdbc;
        this.runId = runId;
    }

    /** The next page of the landed records, after the last line read: memory stays flat however large the file was. */
    private void fetch() {
        List<Landed> rows = jdbc.query("SELECT l.line_no, l.payload_enc, (SELECT MIN(q.rule_code) FROM quarantine q WHERE "
                + "q.run_id = l.run_id AND q.source_id = l.source_id AND q.entity = l.entity AND q.file_name = l.file_name AND "
                + "q.line_no = l.line_no AND q.rule_code LIKE 'READ%') FROM landing_record l WHERE l.run_id = ? AND "
                + "l.source_id = ? AND l.entity = ? AND l.file_name = ? AND l.line_no > ? ORDER BY l.line_no LIMIT " + PAGE,
                (rs, i) -> new Landed(rs.getLong(1), rs.getString(2), rs.getString(3)), runId, sourceId, entity.key(), file, after);
        page.addAll(rows);
        last = rows.size() < PAGE;
        if (!rows.isEmpty()) {
            after = rows.get(rows.size() - 1).line();
        }
    }

    @Override
    public SourceRecord next() throws Exception {
        if (page.isEmpty() && !last) {
            fetch();
        }
        if (page.isEmpty()) {
            return null;
        }
        Landed l = page.poll();
        read++;
        Map<String, String> values = JSON.readValue(pii.decrypt(l.payload()), new TypeReference<Map<String, String>>() { });
        if (values.containsKey(SourceRecord.RAW_LINE)) {
            return SourceRecord.unreadable(sourceId, entity, file, l.line(), l.rule() == null ? Rule.READ_FILE.name() : l.rule(),
                    "unreadable when it was received; read again from the landing area", values.get(SourceRecord.RAW_LINE));
        }
        return SourceRecord.of(sourceId, entity, file, l.line(), values);
    }

    @Override
    public long skipped() {
        return 0;
    }

    @Override
    public long accounted() {
        return read;
    }

    @Override
    public void close() {
        // nothing held open: each page is one query
    }
}
