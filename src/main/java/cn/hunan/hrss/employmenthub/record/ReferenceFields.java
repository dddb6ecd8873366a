package cn.hunan.hrss.employmenthub.record;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields by which a record refers to another entity's golden record (an event's person, a placement's employer),
 * and what they refer to. A source may give such a reference by its own key for the other record instead of by ID
 * number or credit code ({@code refs:} in jobs-config); the merge then resolves it through the other record's
 * (source, source key).
 */
public final class ReferenceFields {

    /** The entity referred to, and the field of it whose value the referring field holds. */
    public record Target(EntityType entity, String field) {
    }

    private static final Map<String, Target> TARGETS = Map.of(
            "person_id_number", new Target(EntityType.PERSON, "id_number"),
            "worker_id_number", new Target(EntityType.PERSON, "id_number"),
            "employer_credit_code", new Target(EntityType.EMPLOYER, "credit_code"),
            "enterprise_credit_code", new Target(EntityType.EMPLOYER, "credit_code"));

    private ReferenceFields() {
    }

    public static Optional<Target> of(EntityType entity, String field) {
        return entity.field(field).isPresent() ? Optional.ofNullable(TARGETS.get(field)) : Optional.empty();
    }

    private static final Map<EntityType, List<String>> BY_ENTITY = new EnumMap<>(EntityType.class);

    static {
        for (EntityType e : EntityType.values()) {
            BY_ENTITY.put(e, e.fields().stream().map(Field::name).filter(TARGETS::containsKey).toList());
        }
    }

    /** The reference fields of an entity, in the order of its fields. */
    public static List<String> of(EntityType entity) {
        return BY_ENTITY.get(entity);
    }

    /** The staging column holding the id of the source whose key a reference gives. */
    public static String sourceColumn(String field) {
        return field + "_ref_source";
    }

    /** The staging column holding the referred record's key in that source. */
    public static String keyColumn(String field) {
        return field + "_ref_key";
    }
}
