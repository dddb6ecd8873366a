package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.FileSet;
import cn.hunan.hrss.employmenthub.source.config.KindRules;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKinds;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every kind of file source asks of its configuration: no connection; valid file settings; for each entity a
 * path (a file or glob, relative to the config folder or absolute) that exists, and no table, query or updated-at.
 */
public abstract class FileKind implements SourceKindPlugin {

    @Override
    public boolean readsFiles() {
        return true;
    }

    /** Whether entities of this kind may choose sheets. */
    protected boolean hasSheets() {
        return false;
    }

    @Override
    public void check(SourceDefinition s, Path configDir, Report report) {
        if (s.connection() != null) {
            report.problem("connection", "only database sources (" + databaseKinds() + ") have a connection");
        }
        SourceDefinition.FileSettings f = s.file();
        if (f != null) {
            checkSettings(f, report);
        }
        if (s.entities() != null) {
            for (int i = 0; i < s.entities().size(); i++) {
                checkLocation("entities[" + i + "]", s.entities().get(i), configDir, report);
            }
        }
    }

    /** The file settings: encoding and header row here, the delimiter and the format by the kind that has them. */
    private void checkSettings(SourceDefinition.FileSettings f, Report report) {
        if (f.encoding() != null && !Charset.isSupported(f.encoding())) {
            report.problem("file.encoding", "unknown encoding '" + f.encoding() + "' (e.g. UTF-8, GBK, GB18030)");
        }
        if (f.headerRow() != null && f.headerRow() < 1) {
            report.problem("file.header-row", "must be 1 or more");
        }
        if (f.delimiter() != null) {
            checkDelimiter(f.delimiter(), report);
        }
        if (f.format() != null) {
            checkFormat(f.format(), report);
        }
    }

    /** A {@code file.delimiter}: none of this kind's business, unless the kind reads delimited text. */
    protected void checkDelimiter(String delimiter, Report report) {
        report.problem("file.delimiter", "only delimited text (csv) has a delimiter");
    }

    /** A {@code file.format}: none of this kind's business, unless the kind has formats. */
    protected void checkFormat(String format, Report report) {
        report.problem("file.format", "only json files have a format");
    }

    private void checkLocation(String key, EntityMapping m, Path configDir, Report report) {
        if (m.table() != null || m.query() != null || m.updatedAt() != null) {
            report.problem(key + ".table", "only database entities have table, query or updated-at");
        }
        if (m.splitPk() != null) {
            report.problem(key + ".split-pk", "only database tables are cut by key; a file is a unit of its own");
        }
        if (m.sheet() != null && !hasSheets()) {
            report.problem(key + ".sheet", "only workbooks (xlsx) have sheets");
        } else if (m.sheet() != null && m.sheet().stream().anyMatch(x -> x == null || x.isBlank())) {
            report.problem(key + ".sheet", "a sheet name or pattern is empty");
        }
        if (m.headerRow() != null && m.headerRow() < 1) {
            report.problem(key + ".header-row", "must be 1 or more");
        }
        if (m.path() == null || m.path().isBlank()) {
            report.problem(key + ".path", "missing: a file path or glob, relative to " + configDir.getFileName());
            return;
        }
        boolean glob = FileSet.isGlob(m.path());
        Path dir = FileSet.base(configDir, m.path());
        if (!Files.exists(dir)) {
            report.problem(key + ".path", "'" + m.path() + "' does not exist" + (glob ? " (no folder "
                    + FileSet.label(configDir, m.path(), dir) + ")" : ""));
        } else if (!Files.isReadable(dir)) {
            report.problem(key + ".path", "'" + m.path() + "' is not readable");
        } else if (glob && FileSet.expand(configDir, m.path()).isEmpty()) {
            report.warning(key + ".path", "no file matches '" + m.path() + "' yet");
        }
    }

    /** Why a source of files cannot be read now: a folder its paths name is missing. */
    @Override
    public String unreachable(SourceDefinition s, Path configDir) {
        for (EntityMapping m : s.entities()) {
            Path base = FileSet.base(configDir, m.path());
            Path folder = FileSet.isGlob(m.path()) ? base : base.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return "unreachable: no folder " + (folder == null ? m.path() : FileSet.label(configDir, m.path(), folder));
            }
        }
        return null;
    }

    private static String databaseKinds() {
        return String.join(", ", SourceKinds.all().stream().filter(k -> !k.readsFiles()).map(KindRules::name).toList());
    }
}
