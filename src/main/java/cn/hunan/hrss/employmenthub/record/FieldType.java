package cn.hunan.hrss.employmenthub.record;

/** How a canonical field is standardised, validated and stored. */
public enum FieldType {
    /** Free text, trimmed and folded to half-width. */
    TEXT,
    /** Resident ID number (GB 11643); stored as keyed hash, ciphertext and mask. */
    ID_NUMBER,
    /** Unified social credit code (GB 32100). */
    CREDIT_CODE,
    /** Mobile or landline number; stored as ciphertext and mask. */
    PHONE,
    /** A calendar date in one of the source's date formats. */
    DATE,
    /** A month, stored as its first day. */
    MONTH,
    /** A date with time of day (used for updated-at columns). */
    DATETIME,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    /** A code from a code table; {@link Field#arg()} names the table. */
    CODE,
    /** Several codes from one code table, stored as ",a,b,". */
    CODES,
    /** A division code; {@link Field#arg()} names the level it must have. */
    REGION
}
