package cn.hunan.hrss.employmenthub.record;

import java.math.BigDecimal;

/**
 * One canonical field of an entity.
 *
 * @param name canonical name, used in jobs-config mappings and as column name
 * @param type how it is standardised and validated
 * @param required whether a record without it is quarantined
 * @param arg code table name for CODE/CODES, level for REGION (county, township, village, any)
 * @param min lower bound for numbers (inclusive), or null
 * @param max upper bound for numbers (inclusive), or null
 */
public record Field(String name, FieldType type, boolean required, String arg, BigDecimal min, BigDecimal max) {

    public static Field req(String name, FieldType type) {
        return new Field(name, type, true, null, null, null);
    }

    public static Field opt(String name, FieldType type) {
        return new Field(name, type, false, null, null, null);
    }

    public static Field code(String name, String table, boolean required) {
        return new Field(name, FieldType.CODE, required, table, null, null);
    }

    public static Field region(String name, String level, boolean required) {
        return new Field(name, FieldType.REGION, required, level, null, null);
    }

    public static Field number(String name, FieldType type, boolean required, long min, long max) {
        return new Field(name, type, required, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    /** Personal data is never stored or shown in plain text. */
    public boolean personal() {
        return type == FieldType.ID_NUMBER || type == FieldType.PHONE;
    }
}
