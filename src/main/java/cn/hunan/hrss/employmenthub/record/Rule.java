package cn.hunan.hrss.employmenthub.record;

/**
 * The rule catalogue: each rule has a stable code that quarantine rows, warnings and audit reports carry, a
 * severity ({@code ERROR} quarantines, {@code WARNING} loads and flags, {@code PARK} holds the record back
 * until what it refers to arrives), the entities it applies to, and a one-line description.
 */
public enum Rule {
    READ_FILE(Severity.ERROR, "any", "the file is broken as a whole (a workbook that is not a workbook, JSON that holds "
            + "no array, a header naming a mapped column twice); its corrected version is read the next night"),
    READ_CSV_MALFORMED(Severity.ERROR, "any", "the line could not be split into columns (unbalanced quotes)"),
    READ_ENCODING(Severity.ERROR, "any", "the line has bytes that are not valid in the declared encoding"),
    READ_JSON_MALFORMED(Severity.ERROR, "any", "the line or element is not valid JSON"),
    READ_COLUMN_COUNT(Severity.ERROR, "any", "the line has more columns than the header"),
    VALUE_TOO_LONG(Severity.ERROR, "any", "a value is longer (or a number larger) than its warehouse column holds"),
    REQUIRED_MISSING(Severity.ERROR, "any", "a required field is empty"),
    ID_FORMAT(Severity.ERROR, "any", "resident ID number is not 15 or 18 characters of digits (and X)"),
    ID_CHECK_DIGIT(Severity.ERROR, "any", "resident ID number check character does not match (GB 11643)"),
    ID_BIRTH_DATE(Severity.ERROR, "any", "resident ID number carries an impossible or future birth date"),
    ID_15_CONVERTED(Severity.WARNING, "any", "first-generation 15-digit ID number converted to 18 digits"),
    PERSON_AGE_UNDER_16(Severity.ERROR, "person", "the person was under 16 at registration"),
    PERSON_GENDER_MISMATCH(Severity.ERROR, "person", "the gender given contradicts the ID number"),
    PERSON_BIRTH_MISMATCH(Severity.ERROR, "person", "the birth date given contradicts the ID number"),
    CREDIT_FORMAT(Severity.ERROR, "any", "credit code is not 18 characters of the GB 32100 alphabet"),
    CREDIT_CHECK(Severity.ERROR, "any", "credit code check character does not match (GB 32100)"),
    CREDIT_DIVISION(Severity.ERROR, "any", "credit code characters 3-8 are no known division code"),
    PHONE_FORMAT(Severity.ERROR, "any", "phone is neither a mobile number nor a landline with area code"),
    REGION_UNKNOWN(Severity.ERROR, "any", "division code is not in the Hunan division reference"),
    REGION_LEVEL(Severity.ERROR, "any", "division code is not at the level the field needs"),
    REGION_NAME_UNKNOWN(Severity.ERROR, "any", "a division given by name that no division of the source's area bears"),
    REGION_NAME_AMBIGUOUS(Severity.ERROR, "any",
            "a division given by name that several divisions of the source's area bear (the candidates in the detail)"),
    REGION_OUTSIDE_SOURCE(Severity.ERROR, "person", "residence lies outside the county or city the source covers"),
    CODE_UNKNOWN(Severity.ERROR, "any", "value is not in the code table nor mapped in jobs-config"),
    DATE_FORMAT(Severity.ERROR, "any", "date matches none of the source's date formats"),
    DATE_FUTURE(Severity.ERROR, "any", "date lies after the run date"),
    POSTING_EXPIRY_BEFORE_POSTED(Severity.ERROR, "posting", "the posting expires before it was posted"),
    PAY_RANGE_INVERTED(Severity.ERROR, "posting", "the lowest pay is above the highest"),
    NUMBER_FORMAT(Severity.ERROR, "any", "value is not a number"),
    NUMBER_RANGE(Severity.ERROR, "any", "number is outside the allowed range"),
    WAGE_RANGE(Severity.ERROR, "placement, posting",
            "wage outside 1,000-100,000 a month, 50-2,000 a day or 10-500 an hour"),
    BOOLEAN_FORMAT(Severity.ERROR, "any", "value is not a yes/no value"),
    PLACEMENT_BEFORE_REGISTRATION(Severity.ERROR, "placement", "the placement starts before the person registered"),
    REF_PERSON_UNKNOWN(Severity.PARK, "service, placement, gig_match",
            "the person has not arrived from any source yet (parked, quarantined after park-days)"),
    REF_EMPLOYER_UNKNOWN(Severity.PARK, "placement",
            "the employer has not arrived from any source yet (parked, quarantined after park-days)"),
    REF_ENTERPRISE_UNKNOWN(Severity.PARK, "liaison",
            "the key enterprise has not arrived from any source yet (parked, quarantined after park-days)"),
    REF_KEY_UNKNOWN(Severity.PARK, "service, placement, posting, gig_match, liaison",
            "refers by a source key (refs:) to a person or employer no record of that source carries yet (parked, "
                    + "quarantined after park-days)"),
    EMPLOYER_UNMATCHED(Severity.PARK, "employer",
            "has no credit code and no known employer of its county bears its name (parked, quarantined after park-days)"),
    PERSON_UNMATCHED(Severity.PARK, "person",
            "registered without an ID number and matches no known person well enough (parked, quarantined after park-days)");

    public enum Severity { ERROR, WARNING, PARK }

    private final Severity severity;
    private final String entities;
    private final String description;

    Rule(Severity severity, String entities, String description) {
        this.severity = severity;
        this.entities = entities;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    /** The entities the rule applies to, or {@code any}. */
    public String entities() {
        return entities;
    }

    public String description() {
        return description;
    }
}
