package cn.hunan.hrss.employmenthub.source.pipe;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.FileAdapter;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads {@code a|b|c} lines under a header of the same form. */
final class PipeAdapter extends FileAdapter {

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate) throws Exception {
        List<String> lines = Files.readAllLines(unit.file(), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\\|", -1);
        Iterator<String> rest = lines.subList(1, lines.size()).iterator();
        return new RecordCursor() {
            private long line = 1;

            @Override
            public SourceRecord next() {
                if (!rest.hasNext()) {
                    return null;
                }
                String[] cells = rest.next().split("\\|", -1);
                line++;
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    values.put(header[i], i < cells.length ? cells[i] : null);
                }
                return SourceRecord.of(source.id(), unit.entity(), unit.label(), line, values);
            }

            @Override
            public long skipped() {
                return 0;
            }

            @Override
            public OptionalLong sourceCount() {
                return OptionalLong.of(lines.size());
            }

            @Override
            public long accounted() {
                return line;
            }

            @Override
            public void close() {
            }
        };
    }
}
