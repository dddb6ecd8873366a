package cn.hunan.hrss.employmenthub.source.config;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the {@code refs:} of every entity mapping: the field refers to another entity, the key column is named, and
 * the source whose key it is exists and maps that entity with a {@code key:} (without one, its records are known by
 * their match key and no vendor key can find them).
 */
final class RefsChecker {

    private RefsChecker() {
    }

    /** Where a problem of one source file goes: its key and message. */
    interface Problems {
        void add(String key, String message);
    }

    /** The {@code refs:} of every entity mapping of source {@code s}; {@code sources} are all the configured ones. */
    static void check(SourceDefinition s, List<SourceDefinition> sources, Problems problems) {
        if (s.entities() == null) {
            return;
        }
        for (int i = 0; i < s.entities().size(); i++) {
            EntityMapping m = s.entities().get(i);
            EntityType type = m.entity() == null ? null : EntityType.byKey(m.entity()).orElse(null);
            if (type == null || m.refs() == null) {
                continue;
            }
            for (Map.Entry<String, EntityMapping.Ref> r : m.refs().entrySet()) {
                String key = "entities[" + i + "].refs." + r.getKey();
                check(s, type, r.getKey(), r.getValue(), sources).ifPresent(p -> problems.add(key, p));
                if (r.getValue() != null && r.getValue().key() != null) {
                    personalField(type, m, r.getValue().key()).ifPresent(f -> problems.add(key + ".key", "'"
                            + r.getValue().key() + "' is also mapped to " + f + ": a reference key of personal data would "
                            + "be kept in clear in staging; map it to " + r.getKey() + " under columns instead"));
                }
            }
        }
    }

    /** The personal field (ID number, phone) that {@code column} is also mapped to, if any. */
    static Optional<String> personalField(EntityType type, EntityMapping m, String column) {
        return (m.columns() == null ? Map.<String, String>of() : m.columns()).entrySet().stream()
                .filter(c -> c.getValue().equalsIgnoreCase(column))
                .filter(c -> type.field(c.getKey()).map(Field::personal).orElse(false))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Optional<String> check(SourceDefinition s, EntityType type, String field, EntityMapping.Ref ref,
                                          List<SourceDefinition> sources) {
        Optional<ReferenceFields.Target> target = ReferenceFields.of(type, field);
        if (target.isEmpty()) {
            return Optional.of("'" + field + "' of " + type.key() + " refers to no other record (fields that do: "
                    + ReferenceFields.of(type) + ")");
        }
        String entity = target.get().entity().key();
        if (ref == null || ref.key() == null || ref.key().isBlank()) {
            return Optional.of("missing key: the column holding the " + entity + "'s key in its source");
        }
        if (ref.entity() != null && !ref.entity().equals(entity)) {
            return Optional.of("entity: " + ref.entity() + " does not fit: '" + field + "' refers to a " + entity);
        }
        String sourceId = ref.source() == null ? s.id() : ref.source();
        SourceDefinition referred = sources.stream().filter(x -> Objects.equals(x.id(), sourceId)).findFirst().orElse(null);
        if (referred == null) {
            return Optional.of("unknown source '" + sourceId + "' (sources: " + sources.stream().map(SourceDefinition::id)
                    .toList() + ")");
        }
        boolean keyed = referred.entities() != null && referred.entities().stream()
                .anyMatch(m -> entity.equals(m.entity()) && m.key() != null);
        return keyed ? Optional.empty() : Optional.of("source '" + sourceId + "' maps no " + entity + " with a key: "
                + "give its " + entity + " entity the key column this reference holds");
    }
}
