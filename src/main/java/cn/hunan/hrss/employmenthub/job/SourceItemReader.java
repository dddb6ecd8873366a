package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every unit (file or table) a source has for this run, one after the other, and logs what each
 * unit yielded so the run's watermarks can advance once the data is merged.
 */
public class SourceItemReader implements ItemStreamReader<ReadItem> {

    private static final Logger log = LoggerFactory.getLogger(SourceItemReader.class);

    private final SourceDefinition source;
    private final JobsConfig config;
    private final RunBookkeeping bookkeeping;
    private final long runId;
    private final LocalDate runDate;
    private final SourceAdapter adapter;
    private Iterator<ExtractUnit> units;
    private ExtractUnit unit;
    private RecordCursor cursor;
    private long unitRead;
    private boolean failed;

    public SourceItemReader(SourceDefinition source, JobsConfig config, RunBookkeeping bookkeeping, long runId,
                            LocalDate runDate) {
        this.source = source;
        this.config = config;
        this.bookkeeping = bookkeeping;
        this.runId = runId;
        this.runDate = runDate;
        this.adapter = SourceAdapters.forKind(source.kind());
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            List<ExtractUnit> plan = adapter.plan(source, config, bookkeeping, runDate);
            log.info("source {}: {} unit(s) to read", source.id(), plan.size());
            units = plan.iterator();
        } catch (RuntimeException e) {
            giveUp(e);
        }
    }

    /**
     * Reads the next record. A source that cannot be read (database down, file unreadable) fails alone: it is
     * marked unreadable, what it delivered so far is held back, and the other sources go on.
     */
    @Override
    public ReadItem read() {
        if (failed) {
            return null;
        }
        try {
            return next();
        } catch (Exception e) {
            giveUp(e);
            return null;
        }
    }

    private void giveUp(Exception e) {
        failed = true;
        units = java.util.Collections.emptyIterator();
        String where = unit == null ? "" : " (" + unit.entity().key() + " " + unit.label() + ")";
        String message = "source " + source.id() + " could not be read" + where + ": " + e.getClass().getSimpleName() + ": "
                + PiiMasker.mask(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        log.warn(message);
        bookkeeping.markUnreadable(runId, source.id(), message);
        try {
            if (cursor != null) {
                cursor.close();
            }
        } catch (Exception ignored) {
            // the source is already given up
        }
        cursor = null;
    }

    private ReadItem next() throws Exception {
        while (true) {
            if (cursor == null) {
                if (!units.hasNext()) {
                    return null;
                }
                unit = units.next();
                cursor = adapter.open(source, config, unit, runDate);
                unitRead = 0;
            }
            SourceRecord r = cursor.next();
            if (r != null) {
                unitRead++;
                return new ReadItem(r, unit.mapping());
            }
            finishUnit();
        }
    }

    private void finishUnit() throws Exception {
        boolean file = unit.file() != null;
        bookkeeping.logUnit(runId, source.id(), unit.entity().key(), unit.label(), file ? unit.fingerprint() : null,
                file ? null : cursor.highWatermark(), unitRead, cursor.skipped());
        log.info("source {}: {} {} read {} record(s), skipped {} row(s)", source.id(), unit.entity().key(), unit.label(),
                unitRead, cursor.skipped());
        cursor.close();
        cursor = null;
    }

    @Override
    public void close() throws ItemStreamException {
        try {
            if (cursor != null) {
                cursor.close();
            }
            adapter.close();
        } catch (Exception e) {
            throw new ItemStreamException("cannot close source " + source.id(), e);
        } finally {
            cursor = null;
        }
    }
}
