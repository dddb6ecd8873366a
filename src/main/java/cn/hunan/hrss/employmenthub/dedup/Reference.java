package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.validation.Rule;
import java.util.List;

/**
 * A staged record's reference to a golden record of another entity: an event's person, a placement's employer,
 * a liaison's enterprise. A record whose reference has not arrived yet is parked, not rejected.
 *
 * @param column the staging column holding the reference
 * @param target the golden table and column it must match
 */
record Reference(EntityType entity, String column, String target, Rule rule) {

    static final List<Reference> ALL = List.of(
            new Reference(EntityType.SERVICE, "person_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            new Reference(EntityType.PLACEMENT, "person_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            new Reference(EntityType.PLACEMENT, "employer_credit_code", "wh_employer.credit_code", Rule.REF_EMPLOYER_UNKNOWN),
            new Reference(EntityType.GIG_MATCH, "worker_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            new Reference(EntityType.LIAISON, "enterprise_credit_code", "wh_employer.credit_code", Rule.REF_ENTERPRISE_UNKNOWN));

    static List<Reference> of(EntityType entity) {
        return ALL.stream().filter(r -> r.entity == entity).toList();
    }

    String targetTable() {
        return target.substring(0, target.indexOf('.'));
    }

    String targetColumn() {
        return target.substring(target.indexOf('.') + 1);
    }

    /** SQL condition on staging alias {@code s}: the reference is given but matches no golden record. */
    String missing() {
        return "s." + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + targetTable() + " t WHERE t." + targetColumn()
                + " = s." + column + ")";
    }

    /** The field name as jobs-config knows it. */
    String field() {
        return column.endsWith("_hash") ? column.substring(0, column.length() - 5) : column;
    }
}
