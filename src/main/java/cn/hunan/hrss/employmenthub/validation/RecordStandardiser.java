package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.Dates;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.FieldType;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.record.Text;
import cn.hunan.hrss.employmenthub.record.Violation;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SourceRecord} into a {@link CanonicalRecord}: maps source columns to canonical fields,
 * standardises and validates each, derives what the ID number implies, protects personal data and computes
 * the match key and row hash. One instance serves one source in one run.
 */
public final class RecordStandardiser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * First character of the provisional match key of a person without an ID number ('z' is no hex digit): the
     * merge resolves it to the person it matches, or parks the record.
     */
    public static final String UNRESOLVED = "z";

    private final SourceDefinition source;
    private final PersonalData pii;
    private final FieldStandardiser fields;
    private final String sourceCounty;
    private final Map<EntityType, EntityMapping> mappings = new EnumMap<>(EntityType.class);
    private final RecordRules recordRules;

    public RecordStandardiser(SourceDefinition source, List<String> defaultDateFormats, LocalDate runDate, PersonalData pii) {
        this.source = source;
        this.pii = pii;
        List<String> formats = source.dateFormats() != null ? source.dateFormats()
                : defaultDateFormats != null ? defaultDateFormats : Dates.DEFAULT_FORMATS;
        String region = Regions.normalise(source.region());
        this.fields = new FieldStandardiser(new Dates(formats,
                source.kind() != null && cn.hunan.hrss.employmenthub.source.config.SourceKinds.find(source.kind())
                        .map(k -> k.excelSerialDates()).orElse(false)), runDate, Regions.hunan(), region);
        this.sourceCounty = region != null && region.length() == 6 ? region : null;
        this.recordRules = new RecordRules(region);
        source.entities().forEach(m -> EntityType.byKey(m.entity()).ifPresent(e -> mappings.putIfAbsent(e, m)));
    }

    public CanonicalRecord standardise(SourceRecord rec, EntityMapping mapping) {
        String[] payload = protectPayload(rec.values());
        if (rec.readError() != null) {
            return new CanonicalRecord(rec, null, Map.of(), null, null,
                    List.of(new Violation(Rule.valueOf(rec.readError()), null, rec.readDetail())), payload[0], payload[1]);
        }
        EntityType entity = rec.entity();
        Map<String, String> byLowerName = new LinkedHashMap<>();
        rec.values().forEach((k, v) -> byLowerName.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        Map<String, Object> canonical = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, String> refKeys = fields(entity, mapping, rec.values(), byLowerName, canonical, violations);
        checkRecord(entity, canonical, violations);
        Map<String, Object> columns = columns(entity, canonical);
        putReferences(entity, mapping, refKeys, columns);
        columns.put("county_code", county(entity, canonical));
        String updatedAt = mapping.updatedAt() == null ? null : byLowerName.get(mapping.updatedAt().toLowerCase(Locale.ROOT));
        columns.put("src_updated_at", updatedAt == null ? null : fields.standardise(
                new Field("updated_at", FieldType.DATETIME, false, null, null, null), updatedAt, Map.of()).value());
        boolean rejected = violations.stream().anyMatch(Violation::isError);
        String matchKey = rejected ? null : recordMatchKey(entity, columns);
        String rowHash = rejected ? null : rowHash(entity, columns);
        String sourceKey = mapping.key() == null ? matchKey : Text.clean(byLowerName.get(mapping.key().toLowerCase(Locale.ROOT)));
        return new CanonicalRecord(rec, sourceKey == null ? matchKey : sourceKey, columns, matchKey, rowHash, violations,
                payload[0], payload[1]);
    }

    /**
     * Each field standardised on its own into {@code canonical}, its violations into {@code violations}. A reference
     * the record gives by a source key instead ({@code refs:}) is left empty: the keys so given are returned.
     */
    private Map<String, String> fields(EntityType entity, EntityMapping mapping, Map<String, String> values,
                                       Map<String, String> byLowerName, Map<String, Object> canonical, List<Violation> violations) {
        Map<String, EntityMapping.Ref> refs = mapping.refs() == null ? Map.of() : mapping.refs();
        Map<String, String> refKeys = new LinkedHashMap<>();
        for (Field f : entity.fields()) {
            String raw = rawValue(f, mapping, values, byLowerName);
            EntityMapping.Ref ref = refs.get(f.name());
            String refKey = ref == null || ref.key() == null || (raw != null && !raw.isBlank()) ? null
                    : Text.clean(byLowerName.get(ref.key().toLowerCase(Locale.ROOT)));
            if (refKey != null && !refKey.isBlank()) {
                canonical.put(f.name(), null);
                refKeys.put(f.name(), refKey);
                continue;
            }
            Map<String, String> synonyms = mapping.values() == null ? Map.of() : mapping.values().getOrDefault(f.name(), Map.of());
            FieldStandardiser.Outcome o = fields.standardise(f, raw, synonyms);
            canonical.put(f.name(), o.value());
            if (o.violation() != null) {
                violations.add(o.violation());
            }
        }
        return refKeys;
    }

    /** The rules across fields, what an ID number implies, normalised names, and a person's need of something to match. */
    private void checkRecord(EntityType entity, Map<String, Object> canonical, List<Violation> violations) {
        Set<String> given = new HashSet<>();
        canonical.forEach((k, v) -> {
            if (v != null) {
                given.add(k);
            }
        });
        if (violations.stream().noneMatch(Violation::isError)) {
            recordRules.check(entity, canonical, given, violations);
        }
        derive(entity, canonical);
        if (entity == EntityType.EMPLOYER) {
            canonical.put("name_norm", Names.employer((String) canonical.get("name")));
        }
        if (entity == EntityType.PERSON) {
            canonical.put("name_norm", Names.normalise((String) canonical.get("name")));
            if (canonical.get("id_number") == null && violations.stream().noneMatch(v -> "id_number".equals(v.field()))
                    && canonical.get("birth_date") == null && canonical.get("phone") == null) {
                violations.add(new Violation(Rule.REQUIRED_MISSING, "id_number",
                        "no ID number, and neither a birth date nor a phone to match the person on"));
            }
        }
    }

    /** The staging columns of references given by a source key: which source's key, and the key. */
    private void putReferences(EntityType entity, EntityMapping mapping, Map<String, String> refKeys,
                               Map<String, Object> columns) {
        for (String field : ReferenceFields.of(entity)) {
            String refKey = refKeys.get(field);
            EntityMapping.Ref ref = refKey == null ? null : mapping.refs().get(field);
            columns.put(ReferenceFields.sourceColumn(field), ref == null ? null : ref.source() == null ? source.id()
                    : ref.source());
            columns.put(ReferenceFields.keyColumn(field), refKey);
        }
    }

    /** The match key; provisional for a person without an ID number or an employer without a credit code. */
    private static String recordMatchKey(EntityType entity, Map<String, Object> columns) {
        if (entity == EntityType.PERSON && columns.get("id_number_hash") == null) {
            return provisionalKey(columns.get("name_norm"), columns.get("birth_date"), columns.get("phone_hash"));
        }
        if (entity == EntityType.EMPLOYER && columns.get("credit_code") == null) {
            return provisionalKey(columns.get("name_norm"), columns.get("county_code"), "employer");
        }
        return matchKey(entity, columns);
    }

    public EntityMapping mapping(EntityType entity) {
        return mappings.get(entity);
    }

    private static String rawValue(Field f, EntityMapping m, Map<String, String> values, Map<String, String> byLowerName) {
        if (m.constants() != null && m.constants().containsKey(f.name())) {
            return m.constants().get(f.name());
        }
        String column = m.columns() == null ? null : m.columns().get(f.name());
        if (column == null) {
            return null;
        }
        String v = values.get(column);
        return v != null ? v : byLowerName.get(column.toLowerCase(Locale.ROOT));
    }

    /** What the ID number implies, where the source left it out. */
    private static void derive(EntityType entity, Map<String, Object> canonical) {
        if (entity != EntityType.PERSON || canonical.get("id_number") == null) {
            return;
        }
        String id = (String) canonical.get("id_number");
        canonical.putIfAbsent("gender", null);
        if (canonical.get("gender") == null) {
            canonical.put("gender", IdNumbers.genderCode(id));
        }
        if (canonical.get("birth_date") == null) {
            canonical.put("birth_date", IdNumbers.birthDate(id));
        }
    }

    private String county(EntityType entity, Map<String, Object> canonical) {
        for (String name : List.of("residence_region", "household_region", "region")) {
            Object code = canonical.get(name);
            if (code instanceof String s && s.length() >= 6) {
                return s.substring(0, 6);
            }
        }
        return sourceCounty;
    }

    /** Staging columns: personal fields become {@code _hash}, {@code _enc} and {@code _masked}. */
    private Map<String, Object> columns(EntityType entity, Map<String, Object> canonical) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : entity.fields()) {
            Object v = canonical.get(f.name());
            if (f.personal()) {
                String s = (String) v;
                out.put(f.name() + "_hash", s == null ? null : pii.hash(s));
                out.put(f.name() + "_enc", s == null ? null : pii.encrypt(s));
                out.put(f.name() + "_masked", s == null ? null
                        : f.type() == FieldType.ID_NUMBER ? IdNumbers.mask(s) : Phones.mask(s));
            } else {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    /**
     * The match key from a record's staging columns (for a person without an ID number or an employer without a
     * credit code, the provisional key is made apart). A reference still given by a source key takes that key's
     * place, until the merge resolves it and computes the key again.
     */
    public static String matchKey(EntityType entity, Map<String, Object> columns) {
        return digest(entity.matchFields().stream().map(n -> keyPart(entity, n, columns)).toList());
    }

    /** The digest of every canonical value, to tell an unchanged record from an updated one. */
    public static String rowHash(EntityType entity, Map<String, Object> columns) {
        return digest(entity.fields().stream().map(f -> keyPart(entity, f.name(), columns)).toList());
    }

    private static String keyPart(EntityType entity, String name, Map<String, Object> columns) {
        Field f = entity.field(name).orElseThrow();
        Object v = columns.get(f.personal() ? name + "_hash" : name);
        if (v == null && columns.get(ReferenceFields.keyColumn(name)) != null) {
            return "ref\u001F" + columns.get(ReferenceFields.sourceColumn(name)) + "\u001F" + columns.get(ReferenceFields.keyColumn(name));
        }
        return v == null ? "" : v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
    }

    private String[] protectPayload(Map<String, String> values) {
        try {
            String json = JSON.writeValueAsString(values);
            return new String[] {pii.encrypt(json), PiiMasker.mask(json)};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The match key of a person without an ID number until matching resolves it (or after an admin's split). */
    public static String provisionalKey(Object nameNorm, Object birthDate, Object phoneHash) {
        return UNRESOLVED + digest(List.of("no id", String.valueOf(nameNorm), String.valueOf(birthDate),
                String.valueOf(phoneHash))).substring(1);
    }

    static String digest(List<String> parts) {
        MessageDigest md = SHA256.get();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x1F);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
