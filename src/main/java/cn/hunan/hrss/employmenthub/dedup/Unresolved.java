package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import java.util.List;

/**
 * The staged records of an entity that wait for matching (a person without an ID number, an employer without a
 * credit code), as conditions on staging alias {@code s} taking the run id as their one parameter: the night's own,
 * and those parked by earlier nights. Two conditions rather than one with OR, so that each is answered by an index
 * (with OR some databases scan every staged record).
 */
final class Unresolved {

    private Unresolved() {
    }

    static List<String> conditions(EntityType e) {
        return nightAndParked(e, "s.match_key LIKE '" + RecordStandardiser.UNRESOLVED + "%'");
    }

    /**
     * The staged records of {@code e} whose {@code field} is still given by a source key only, in the same two parts:
     * the night's own and those parked earlier.
     */
    static List<String> byKey(EntityType e, String field) {
        return nightAndParked(e, givenByKeyOnly(e, field));
    }

    /** {@code unresolved} among the night's own staged records, and among those parked by earlier nights. */
    private static List<String> nightAndParked(EntityType e, String unresolved) {
        return List.of("s.run_id = ? AND " + unresolved,
                "s.id IN (SELECT pk.stg_id FROM etl_parked pk WHERE pk.entity = '" + e.key() + "' AND pk.first_run_id <> ?) "
                        + "AND " + unresolved);
    }

    /** The condition on staging alias {@code s} that {@code field} is given by a source key and not resolved yet. */
    static String givenByKeyOnly(EntityType e, String field) {
        String value = e.field(field).orElseThrow().personal() ? field + "_hash" : field;
        return "s." + ReferenceFields.keyColumn(field) + " IS NOT NULL AND s." + value + " IS NULL";
    }
}
