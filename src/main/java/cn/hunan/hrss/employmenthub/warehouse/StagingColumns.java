package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The content columns an entity's staging and golden tables share (personal fields as hash, cipher, mask). */
public final class StagingColumns {

    private static final Map<EntityType, List<String>> COLUMNS = new EnumMap<>(EntityType.class);
    private static final Map<EntityType, List<String>> REFS = new EnumMap<>(EntityType.class);
    private static final Map<EntityType, List<String>> STAGED = new EnumMap<>(EntityType.class);

    static {
        for (EntityType e : EntityType.values()) {
            List<String> cols = new ArrayList<>();
            cols.add("county_code");
            for (Field f : e.fields()) {
                if (f.personal()) {
                    cols.add(f.name() + "_hash");
                    cols.add(f.name() + "_enc");
                    cols.add(f.name() + "_masked");
                } else {
                    cols.add(f.name());
                }
            }
            COLUMNS.put(e, List.copyOf(cols));
            List<String> refs = new ArrayList<>();
            for (String field : ReferenceFields.of(e)) {
                refs.add(ReferenceFields.sourceColumn(field));
                refs.add(ReferenceFields.keyColumn(field));
            }
            REFS.put(e, List.copyOf(refs));
            cols.addAll(refs);
            STAGED.put(e, List.copyOf(cols));
        }
    }

    private StagingColumns() {
    }

    public static List<String> of(EntityType entity) {
        return COLUMNS.get(entity);
    }

    /**
     * The staging-only columns of references still given by a source key ({@code _ref_source}, {@code _ref_key}), which
     * the merge resolves; golden records hold the resolved value only.
     */
    public static List<String> refs(EntityType entity) {
        return REFS.get(entity);
    }

    /** Every content column of a staging table: {@link #of} and then {@link #refs}. */
    public static List<String> staged(EntityType entity) {
        return STAGED.get(entity);
    }
}
