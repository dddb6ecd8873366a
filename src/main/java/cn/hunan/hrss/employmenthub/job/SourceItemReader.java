package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every unit (file or table) a source has for this run, one after the other, and logs what each unit
 * yielded so the run's watermarks can advance once the data is merged.
 *
 * <p>At the end of each unit the reader holds itself to the source's own count of what the unit held (database rows
 * counted in the read's snapshot, physical lines, JSON elements): a difference fails the source, naming the unit.
 *
 * <p>Restartable: after every committed chunk the step's ExecutionContext holds which unit the reader is in and
 * how many of its records were read (and so written, in the same transaction). A restarted partition plans the
 * same units (watermarks and file fingerprints advance only when a run finishes), opens the unit it was in and
 * passes over the records already written, so nothing is read twice and nothing is left out. A partition that
 * starts afresh first removes whatever an earlier attempt of the run left for its source.
 */
public class SourceItemReader implements ItemStreamReader<ReadItem> {

    static final String UNIT = "reader.unit";
    static final String READ = "reader.read";
    static final String UNREADABLE = "reader.unreadable";
    private static final Logger log = LoggerFactory.getLogger(SourceItemReader.class);

    private final SourceDefinition source;
    private final JobsConfig config;
    private final RunBookkeeping bookkeeping;
    private final long runId;
    private final LocalDate runDate;
    private final SourceAdapter adapter;
    private List<ExtractUnit> plan = List.of();
    private int index;
    private ExtractUnit unit;
    private RecordCursor cursor;
    private MappedColumns mapped;
    private long unitRead;
    private long resumeAfter;
    private boolean failed;
    private final Progress progress;

    private final String scopeEntity;

    private final boolean reprocess;
    private final LandingReader landing;
    /** The units this partition reads, as the partitioner planned them; null: plan them here. */
    private final List<ExtractUnit> units;

    /** What reads a gone file from the landing area in a reprocess. */
    interface LandingReader {
        RecordCursor open(ExtractUnit unit, long landedBy);
    }

    /**
     * {@code reprocess}: this run reprocesses the source (a file it loaded before and that is gone is read from the
     * landing area); {@code scopeEntity}: the one entity it reads, or null for all the source delivers.
     */
    public SourceItemReader(SourceDefinition source, JobsConfig config, RunBookkeeping bookkeeping, long runId,
                            LocalDate runDate, boolean reprocess, String scopeEntity, LandingReader landing) {
        this(source, config, bookkeeping, runId, runDate, reprocess, scopeEntity, landing, null);
    }

    /** {@code units}: the units of this partition, as planned by the extract's partitioner; null to plan them here. */
    public SourceItemReader(SourceDefinition source, JobsConfig config, RunBookkeeping bookkeeping, long runId,
                            LocalDate runDate, boolean reprocess, String scopeEntity, LandingReader landing,
                            List<ExtractUnit> units) {
        this.units = units;
        this.reprocess = reprocess;
        this.landing = landing;
        this.scopeEntity = scopeEntity == null || scopeEntity.isBlank() ? null : scopeEntity;
        this.source = source;
        this.config = config;
        this.bookkeeping = bookkeeping;
        this.runId = runId;
        this.runDate = runDate;
        this.adapter = SourceAdapters.forKind(source.kind());
        this.progress = new Progress(source.id());
    }

    /** Thrown by the source itself (not by the warehouse): the source is unreadable this run. */
    private static final class SourceFailure extends Exception {
        SourceFailure(Exception cause) {
            super(cause);
        }
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (!context.containsKey(UNIT)) {
            if (units == null) {
                bookkeeping.clearExtraction(runId, source.id());
            } else {
                bookkeeping.clearExtraction(runId, source.id(), units.stream()
                        .map(u -> new RunBookkeeping.Unit(u.entity(), u.label())).toList());
            }
        }
        index = context.getInt(UNIT, 0);
        resumeAfter = context.getLong(READ, 0);
        failed = Boolean.TRUE.equals(context.get(UNREADABLE));
        if (failed) {
            return;
        }
        try {
            if (units == null) {
                plan = UnitPlan.of(source, config, adapter, bookkeeping, runDate, reprocess, scopeEntity);
            } else {
                plan = units;
                adapter.prepare(source, units, bookkeeping);
            }
        } catch (RuntimeException e) {
            giveUp(e);
            return;
        }
        if (index > 0 || resumeAfter > 0) {
            log.info("source {}: resuming at unit {} of {} after {} record(s) already loaded", source.id(), index + 1,
                    plan.size(), resumeAfter);
        } else {
            log.info("source {}: {} unit(s) to read", source.id(), plan.size());
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(UNIT, index);
        context.putLong(READ, cursor == null ? 0 : unitRead);
        context.put(UNREADABLE, failed);
    }

    /**
     * Reads the next record. A source that cannot be read (database down, file unreadable) fails alone: it is
     * marked unreadable, what it delivered so far is held back, and the other sources go on; the partition ends
     * with the exit status UNREADABLE. A failure of the warehouse is not the source's: it fails the chunk and the
     * partition, which a restart resumes.
     */
    @Override
    public ReadItem read() throws Exception {
        if (failed) {
            return null;
        }
        try {
            return next();
        } catch (SourceFailure e) {
            giveUp((Exception) e.getCause());
            return null;
        }
    }

    boolean unreadable() {
        return failed;
    }

    private void giveUp(Exception e) {
        failed = true;
        String where = unit == null ? "" : " (" + unit.entity().key() + " " + unit.label() + ")";
        String message = "source " + source.id() + " could not be read" + where + ": " + e.getClass().getSimpleName() + ": "
                + PiiMasker.mask(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        log.warn(message);
        bookkeeping.markUnreadable(runId, source.id(), message);
        closeCursor();
    }

    private ReadItem next() throws Exception {
        while (true) {
            if (cursor == null) {
                if (index >= plan.size()) {
                    return null;
                }
                unit = plan.get(index);
                try {
                    cursor = unit.fingerprint() != null && unit.fingerprint().startsWith(LandingCursor.PREFIX)
                            ? landing.open(unit, Long.parseLong(unit.fingerprint().substring(LandingCursor.PREFIX.length())))
                            : adapter.open(source, config, unit, runDate);
                } catch (UnreadableFileException e) {
                    return brokenFile(e);
                } catch (Exception e) {
                    throw new SourceFailure(e);
                }
                mapped = new MappedColumns(unit.mapping());
                unitRead = 0;
                passOver(resumeAfter);
                resumeAfter = 0;
            }
            SourceRecord r = fromSource(cursor::next);
            if (r != null) {
                unitRead++;
                mapped.see(r);
                progress.record(index + 1, plan.size(), unit.label(), cursor.accounted(), cursor.expected());
                return new ReadItem(r, unit.mapping());
            }
            finishUnit();
        }
    }

    /**
     * A file broken as a whole: one read error is quarantined for it, and it is logged without its fingerprint, so
     * its corrected version is read; the source's next file follows.
     */
    private ReadItem brokenFile(UnreadableFileException e) {
        String detail = PiiMasker.mask(String.valueOf(e.getMessage()));
        log.warn("source {}: {} {} is unreadable as a whole and is quarantined: {}", source.id(), unit.entity().key(),
                unit.label(), detail);
        bookkeeping.logUnit(runId, source.id(), unit.entity().key(), unit.label(), null, null, 1, 0, null);
        index++;
        return new ReadItem(SourceRecord.unreadable(source.id(), unit.entity(), unit.label(), e.line(), Rule.READ_FILE.name(),
                detail), unit.mapping());
    }

    /** On restart: reads past the records an earlier attempt already wrote. */
    private void passOver(long records) throws Exception {
        while (unitRead < records) {
            SourceRecord r = fromSource(cursor::next);
            if (r == null) {
                throw new SourceFailure(new IllegalStateException(unit.label() + " holds " + unitRead + " record(s) now, "
                        + "but an earlier attempt of this run had read " + records + ": it changed during the run"));
            }
            unitRead++;
            mapped.see(r);
        }
    }

    /**
     * Logs what the unit yielded. A unit whose mapping names columns none of its records had fails the source. A
     * file that ended in the middle of a record is logged without its fingerprint, so it is not remembered as
     * loaded and its corrected version is read.
     */
    private void finishUnit() throws Exception {
        String problem = mapped.problem(unit.label());
        if (problem != null) {
            throw new SourceFailure(new IllegalStateException(problem));
        }
        OptionalLong held = fromSource(cursor::sourceCount);
        if (held.isPresent() && held.getAsLong() != cursor.accounted()) {
            throw new SourceFailure(new IllegalStateException(unit.label() + " holds " + held.getAsLong() + " by its own count "
                    + "(rows, lines or elements) but the reader accounted for " + cursor.accounted() + " (" + unitRead
                    + " record(s) read): something was lost before landing"));
        }
        boolean file = unit.file() != null;
        boolean complete = cursor.complete();
        bookkeeping.logUnit(runId, source.id(), unit.entity().key(), unit.label(), file && complete ? unit.fingerprint() : null,
                file ? null : cursor.highWatermark(), unitRead, cursor.skipped(), held.isPresent() ? held.getAsLong() : null);
        if (!file && cursor.highWatermark() != null) {
            bookkeeping.rememberRecent(runId, source.id(), unit.entity().key(), cursor.recent());
        }
        log.info("source {}: {} {} read {} record(s), skipped {} row(s){}", source.id(), unit.entity().key(), unit.label(),
                unitRead, cursor.skipped(), complete ? "" : "; the file ends in the middle of a record: not remembered as "
                        + "loaded, its corrected version will be read");
        fromSource(() -> {
            cursor.close();
            return null;
        });
        cursor = null;
        index++;
    }

    private static <T> T fromSource(Callable<T> call) throws SourceFailure {
        try {
            return call.call();
        } catch (Exception e) {
            throw new SourceFailure(e);
        }
    }

    private void closeCursor() {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } catch (Exception ignored) {
            // the source is already given up
        }
        cursor = null;
    }

    @Override
    public void close() throws ItemStreamException {
        progress.done();
        try {
            closeCursor();
            adapter.close();
        } catch (Exception e) {
            throw new ItemStreamException("cannot close source " + source.id(), e);
        }
    }
}
