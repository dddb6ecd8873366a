package cn.hunan.hrss.employmenthub.validation;

/** The validation rules, each with a stable code that quarantine rows and audit reports carry. */
public enum Rule {
    READ_CSV_MALFORMED(Severity.ERROR, "the line could not be split into columns (unbalanced quotes)"),
    READ_ENCODING(Severity.ERROR, "the line has bytes that are not valid in the declared encoding"),
    READ_JSON_MALFORMED(Severity.ERROR, "the line or element is not valid JSON"),
    READ_COLUMN_COUNT(Severity.ERROR, "the line has more columns than the header"),
    REQUIRED_MISSING(Severity.ERROR, "a required field is empty"),
    ID_FORMAT(Severity.ERROR, "resident ID number is not 15 or 18 characters of digits (and X)"),
    ID_CHECK_DIGIT(Severity.ERROR, "resident ID number check character does not match (GB 11643)"),
    ID_BIRTH_DATE(Severity.ERROR, "resident ID number carries an impossible or future birth date"),
    ID_15_CONVERTED(Severity.WARNING, "first-generation 15-digit ID number converted to 18 digits"),
    CREDIT_FORMAT(Severity.ERROR, "credit code is not 18 characters of the GB 32100 alphabet"),
    CREDIT_CHECK(Severity.ERROR, "credit code check character does not match (GB 32100)"),
    PHONE_FORMAT(Severity.ERROR, "phone is neither a mobile number nor a landline with area code"),
    REGION_UNKNOWN(Severity.ERROR, "division code is not in the Hunan division reference"),
    REGION_LEVEL(Severity.ERROR, "division code is not at the level the field needs"),
    CODE_UNKNOWN(Severity.ERROR, "value is not in the code table nor mapped in jobs-config"),
    DATE_FORMAT(Severity.ERROR, "date matches none of the source's date formats"),
    DATE_FUTURE(Severity.ERROR, "date lies after the run date"),
    NUMBER_FORMAT(Severity.ERROR, "value is not a number"),
    NUMBER_RANGE(Severity.ERROR, "number is outside the allowed range"),
    BOOLEAN_FORMAT(Severity.ERROR, "value is not a yes/no value");

    public enum Severity { ERROR, WARNING }

    private final Severity severity;
    private final String description;

    Rule(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
