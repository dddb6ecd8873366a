package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a staged record must wait: an event's person, a placement's employer or a liaison's enterprise has not
 * arrived yet, or a person registered without an ID number matches nobody yet. Such a record is parked, not
 * rejected.
 *
 * @param field the field named in the violation
 * @param missing SQL condition on staging alias {@code s} that holds while the record must wait
 */
record Reference(EntityType entity, String field, String missing, Rule rule) {

    static final List<Reference> ALL = all();

    private static List<Reference> all() {
        List<Reference> all = new ArrayList<>(List.of(
            golden(EntityType.SERVICE, "person_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            golden(EntityType.PLACEMENT, "person_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            golden(EntityType.PLACEMENT, "employer_credit_code", "wh_employer.credit_code", Rule.REF_EMPLOYER_UNKNOWN),
            golden(EntityType.GIG_MATCH, "worker_id_number_hash", "wh_person.id_number_hash", Rule.REF_PERSON_UNKNOWN),
            golden(EntityType.LIAISON, "enterprise_credit_code", "wh_employer.credit_code", Rule.REF_ENTERPRISE_UNKNOWN),
            new Reference(EntityType.PERSON, "id_number", "s.match_key LIKE '" + RecordStandardiser.UNRESOLVED + "%'",
                    Rule.PERSON_UNMATCHED),
            new Reference(EntityType.EMPLOYER, "credit_code", "s.match_key LIKE '" + RecordStandardiser.UNRESOLVED + "%'",
                    Rule.EMPLOYER_UNMATCHED)));
        for (EntityType e : EntityType.values()) {
            for (String field : ReferenceFields.of(e)) {
                all.add(byKey(e, field));
            }
        }
        return List.copyOf(all);
    }

    /** A reference given by a source key ({@code refs:}) that no (source, key) of the referred entity resolves yet. */
    private static Reference byKey(EntityType e, String field) {
        return new Reference(e, field, Unresolved.givenByKeyOnly(e, field), Rule.REF_KEY_UNKNOWN);
    }

    /** The reference in {@code column} is given but matches no golden record in {@code target} (table.column). */
    private static Reference golden(EntityType entity, String column, String target, Rule rule) {
        String table = target.substring(0, target.indexOf('.'));
        String targetColumn = target.substring(target.indexOf('.') + 1);
        String field = column.endsWith("_hash") ? column.substring(0, column.length() - 5) : column;
        return new Reference(entity, field, "s." + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t."
                + targetColumn + " = s." + column + ")", rule);
    }

    static List<Reference> of(EntityType entity) {
        return ALL.stream().filter(r -> r.entity == entity).toList();
    }
}
