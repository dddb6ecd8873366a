package cn.hunan.hrss.employmenthub.record;

import static cn.hunan.hrss.employmenthub.record.Field.code;
import static cn.hunan.hrss.employmenthub.record.Field.number;
import static cn.hunan.hrss.employmenthub.record.Field.opt;
import static cn.hunan.hrss.employmenthub.record.Field.region;
import static cn.hunan.hrss.employmenthub.record.Field.req;
import static cn.hunan.hrss.employmenthub.record.FieldType.BOOLEAN;
import static cn.hunan.hrss.employmenthub.record.FieldType.CREDIT_CODE;
import static cn.hunan.hrss.employmenthub.record.FieldType.DATE;
import static cn.hunan.hrss.employmenthub.record.FieldType.DECIMAL;
import static cn.hunan.hrss.employmenthub.record.FieldType.ID_NUMBER;
import static cn.hunan.hrss.employmenthub.record.FieldType.INTEGER;
import static cn.hunan.hrss.employmenthub.record.FieldType.MONTH;
import static cn.hunan.hrss.employmenthub.record.FieldType.PHONE;
import static cn.hunan.hrss.employmenthub.record.FieldType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ten canonical entities of the warehouse, in the order they are merged. Each names its fields and
 * the fields whose values identify one real-world thing (its match key): two records with the same match
 * key are the same person, employer or event, whichever system reported them.
 */
public enum EntityType {
    STATION("station", List.of("station_code"),
            req("station_code", TEXT), req("name", TEXT), code("station_type", "station_type", true),
            region("region", "any", true), opt("opened_on", DATE)),
    EMPLOYER("employer", List.of("credit_code"),
            opt("credit_code", CREDIT_CODE), req("name", TEXT), region("region", "county", false),
            code("industry", "industry", false), opt("key_enterprise", BOOLEAN), opt("name_norm", TEXT)),
    PERSON("person", List.of("id_number"),
            opt("id_number", ID_NUMBER), req("name", TEXT), code("gender", "gender", false),
            opt("birth_date", DATE), opt("phone", PHONE), region("household_region", "any", false),
            region("residence_region", "any", false), code("education", "education", false),
            code("employment_status", "employment_status", false),
            new Field("categories", FieldType.CODES, false, "category", null, null),
            opt("job_intention", TEXT), opt("registered_on", DATE), opt("station_code", TEXT),
            code("channel", "channel", false), opt("name_norm", TEXT)),
    STAFF("staff", List.of("staff_code"),
            req("staff_code", TEXT), req("name", TEXT), code("role", "staff_role", true), opt("station_code", TEXT),
            region("region", "any", true), code("expert_level", "expert_level", false), opt("phone", PHONE)),
    POSTING("posting", List.of("posting_key"),
            req("posting_key", TEXT), req("employer_credit_code", CREDIT_CODE), req("title", TEXT),
            number("headcount", INTEGER, false, 1, 100_000), number("pay_min", DECIMAL, false, 1, 1_000_000),
            number("pay_max", DECIMAL, false, 1, 1_000_000), code("pay_period", "pay_period", false),
            opt("insurance", BOOLEAN), region("region", "any", false), req("posted_on", DATE),
            opt("expires_on", DATE), code("form", "form", false)),
    SERVICE("service", List.of("person_id_number", "service_type", "served_on", "station_code"),
            req("person_id_number", ID_NUMBER), req("station_code", TEXT), opt("staff_code", TEXT),
            code("service_type", "service_type", true), req("served_on", DATE)),
    PLACEMENT("placement", List.of("person_id_number", "started_on"),
            req("person_id_number", ID_NUMBER), opt("employer_credit_code", CREDIT_CODE), opt("employer_name", TEXT),
            req("started_on", DATE), number("wage", DECIMAL, false, 1, 1_000_000), code("pay_period", "pay_period", false),
            code("channel", "channel", true), code("form", "form", false), opt("insurance", BOOLEAN),
            region("region", "any", false)),
    GIG_MATCH("gig_match", List.of("market_code", "worker_id_number", "work_date", "task"),
            req("market_code", TEXT), req("worker_id_number", ID_NUMBER), opt("employer_name", TEXT),
            req("task", TEXT), req("work_date", DATE), number("daily_wage", DECIMAL, true, 50, 2_000),
            opt("meals", BOOLEAN)),
    LIAISON("liaison", List.of("specialist_code", "enterprise_credit_code", "recruit_month"),
            req("specialist_code", TEXT), req("enterprise_credit_code", CREDIT_CODE), req("recruit_month", MONTH),
            number("recruits", INTEGER, true, 0, 100_000)),
    AGENCY_REPORT("agency_report", List.of("agency_credit_code", "report_year"),
            req("agency_credit_code", CREDIT_CODE), req("agency_name", TEXT), number("report_year", INTEGER, true, 2000, 2100),
            number("staff", INTEGER, false, 0, 1_000_000), number("revenue_10k", DECIMAL, false, 0, 100_000_000),
            number("persons_served", INTEGER, false, 0, 100_000_000), region("region", "any", false));

    private final String key;
    private final List<String> matchFields;
    private final List<Field> fields;

    EntityType(String key, List<String> matchFields, Field... fields) {
        this.key = key;
        this.matchFields = matchFields;
        this.fields = List.of(fields);
    }

    /** Name used in jobs-config and in table names ({@code stg_person}, {@code wh_person}). */
    public String key() {
        return key;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> matchFields() {
        return matchFields;
    }

    /**
     * The fields a golden record settles one by one (survivorship): all but the match key's and the derived
     * {@code name_norm}, which goes with {@code name}.
     */
    public List<Field> attributeFields() {
        return fields.stream().filter(f -> !matchFields.contains(f.name()) && !f.name().equals("name_norm")).toList();
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public String stagingTable() {
        return "stg_" + key;
    }

    public String goldenTable() {
        return "wh_" + key;
    }

    public static Optional<EntityType> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
