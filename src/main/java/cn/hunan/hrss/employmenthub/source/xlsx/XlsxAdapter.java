package cn.hunan.hrss.employmenthub.source.xlsx;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.FileAdapter;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.FileSet;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Excel workbooks (.xlsx), streamed row by row: a 100k-row register never sits in memory whole. Each sheet the
 * entity's {@code sheet} selects (names or patterns such as {@code 2024年*}; every sheet when none is given) is a unit
 * of its own; in a workbook of several sheets, its records are placed at {@code file#sheet} and their row.
 */
public final class XlsxAdapter extends FileAdapter {

    private static final Logger log = LoggerFactory.getLogger(XlsxAdapter.class);

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        return new XlsxCursor(source.id(), unit, unit.part() != null ? unit.part() : firstName(unit.mapping()),
                headerRow(source, unit.mapping()),
                new RowFilter(unit.mapping().skipRows()));
    }

    @Override
    protected List<ExtractUnit> units(EntityType entity, EntityMapping m, String label, Path file, String sha) {
        List<String> names;
        try {
            names = SheetRows.names(file);
        } catch (Exception e) {
            // not a workbook: the cursor says so, as one READ_FILE error
            return List.of(new ExtractUnit(entity, m, label, file, sha, firstName(m)));
        }
        List<String> chosen = choose(m.sheet(), names);
        if (m.sheet() == null && names.size() > 1) {
            log.warn("{}: no sheet given, reading all {} sheets {} (say sheet: to choose)", label, names.size(), names);
        }
        if (chosen.isEmpty() && m.sheet() != null) {
            log.warn("{}: no sheet matches {} (sheets: {})", label, m.sheet(), names);
        }
        List<ExtractUnit> units = new ArrayList<>();
        for (String sheet : chosen) {
            boolean several = names.size() > 1;
            units.add(new ExtractUnit(entity, m, several ? label + "#" + sheet : label, file, several ? digest(sha, sheet) : sha,
                    sheet));
        }
        return units;
    }

    /**
     * The sheets a {@code sheet} setting selects, in the workbook's order: every sheet for none; a plain name that the
     * workbook lacks is kept, so that reading it fails the source with a clear message (a mapping problem).
     */
    static List<String> choose(List<String> wanted, List<String> names) {
        if (wanted == null || wanted.isEmpty()) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (wanted.stream().anyMatch(w -> matches(w, name))) {
                out.add(name);
            }
        }
        for (String w : wanted) {
            if (!FileSet.isGlob(w) && !names.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean matches(String wanted, String name) {
        if (!FileSet.isGlob(wanted)) {
            return wanted.equals(name);
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + wanted);
        return !name.contains("/") && glob.matches(Path.of(name));
    }

    private static String firstName(EntityMapping m) {
        return m.sheet() == null || m.sheet().isEmpty() || FileSet.isGlob(m.sheet().get(0)) ? null : m.sheet().get(0);
    }

    /** One sheet's fingerprint: the workbook's bytes and the sheet's name. */
    private static String digest(String sha, String sheet) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest((sha + "#" + sheet).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
