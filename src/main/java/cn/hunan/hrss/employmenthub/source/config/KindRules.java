package cn.hunan.hrss.employmenthub.source.config;

import java.nio.file.Path;

/**
 * What a kind of source system asks of its configuration: the plug-in's side that configuration checking sees. A
 * kind is a package under {@code cn.hunan.hrss.employmenthub.source} with one public class implementing this (through
 * {@code source.SourceKindPlugin}, which adds its reader) and a public no-argument constructor: {@link SourceKinds}
 * finds it on the class path; nothing else names it.
 */
public interface KindRules {

    /** The name sources give as {@code kind:}, lowercase. */
    String name();

    /** Whether the kind reads files (planned by file, remembered by their digest), rather than a database. */
    boolean readsFiles();

    /** Whether a plain number in a date field is a spreadsheet's day count (workbooks). */
    default boolean excelSerialDates() {
        return false;
    }

    /** Where a problem or warning of one source file is reported: its key and message. */
    interface Report {
        void problem(String key, String message);

        void warning(String key, String message);
    }

    /**
     * The checks of this kind: its own settings ({@code connection}, {@code file}), and where each entity reads
     * ({@code entities[i]...}). Paths are relative to {@code configDir}.
     */
    void check(SourceDefinition source, Path configDir, Report report);
}
