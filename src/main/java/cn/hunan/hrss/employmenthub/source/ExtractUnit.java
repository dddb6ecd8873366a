package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import java.nio.file.Path;

/**
 * One piece of a source to read in a run: one file of an entity, or one entity's table or query.
 *
 * @param label file name or table/query label, carried by every record as its file
 * @param file the file, or null for databases
 * @param fingerprint SHA-256 of the file's bytes (files), or the watermark the read starts after (databases)
 * @param part the sheet of a workbook, or null
 */
public record ExtractUnit(EntityType entity, EntityMapping mapping, String label, Path file, String fingerprint, String part) {

    public ExtractUnit(EntityType entity, EntityMapping mapping, String label, Path file, String fingerprint) {
        this(entity, mapping, label, file, fingerprint, null);
    }

    /** The file a label names: a workbook's sheet is named {@code file#sheet}. */
    public static String fileOf(String label) {
        int hash = label.lastIndexOf('#');
        return hash < 0 ? label : label.substring(0, hash);
    }
}
