package cn.hunan.hrss.employmenthub.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts and content checksums of warehouse tables, and a scan of every table and text for plain personal data
 * in any width and grouping.
 */
public final class WarehouseSnapshot {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    /** Between two digits: a space, an ideographic space or a dash, as registers write numbers in groups. */
    private static final Pattern GROUPING = Pattern.compile("(?<=\\d)[ \\-](?=\\d)");

    private WarehouseSnapshot() {
    }

    /**
     * The tables a rerun must leave alone: golden records, marts, landing and quarantine; not the run's own
     * bookkeeping, nor {@code mart_data_quality}, which gains a row per run by design.
     */
    public static List<String> warehouse(JdbcTemplate jdbc) {
        List<String> out = tables(jdbc, "wh_", "mart_", "landing", "quarantine", "dq_");
        out.remove("mart_data_quality");
        return out;
    }

    /**
     * A night's whole result on business columns, run ids kept: golden records, marts, landing, quarantine and
     * violations, and the run's accounting (outcomes, parking, reconciliation, watermarks, files, extract log, source
     * status). Two warehouses built apart that equal here hold the same night.
     */
    public static Map<String, String> night(JdbcTemplate jdbc) throws Exception {
        return business(jdbc, tables(jdbc, "wh_", "mart_", "landing", "quarantine", "dq_", "etl_outcome", "etl_parked",
                "etl_reconciliation", "etl_watermark", "etl_source_file", "etl_extract_log", "etl_source_status"), true);
    }

    public static List<String> tables(JdbcTemplate jdbc, String... prefixes) {
        List<String> out = new ArrayList<>();
        for (String t : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = "
                + "LOWER(DATABASE()) OR LOWER(table_schema) = 'public'", String.class)) {
            String name = t.toLowerCase();
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    out.add(p.equals("batch_") ? t : name);     // Spring Batch creates its tables in capitals
                }
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** table → "rows:checksum", the checksum over every row's values in a stable order. */
    public static Map<String, String> of(JdbcTemplate jdbc, List<String> tables) throws Exception {
        return checksums(jdbc, tables, column -> true);
    }

    /**
     * Like {@link #of} over the business columns only, to compare two warehouses built apart: surrogate ids (which
     * a rolled-back insert consumes), references to staging ids, ciphertexts (a fresh random IV each time) and
     * the times a row was written are left out; run ids are kept only when {@code withRunIds}.
     */
    public static Map<String, String> business(JdbcTemplate jdbc, List<String> tables, boolean withRunIds) throws Exception {
        return checksums(jdbc, tables, column -> {
            String c = column.toLowerCase();
            boolean runId = c.equals("run_id") || c.endsWith("_run_id");
            boolean keptId = c.equals("source_id") || c.equals("src_source_id") || c.equals("scope_id");
            return !(c.equals("id") || c.equals("stg_id") || c.endsWith("_enc") || c.endsWith("_at") && !c.startsWith("src_")
                    || (c.endsWith("_id") && !runId && !keptId) || (runId && !withRunIds));
        });
    }

    private static Map<String, String> checksums(JdbcTemplate jdbc, List<String> tables,
                                                 java.util.function.Predicate<String> column) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String t : tables) {
            List<String> rows = new ArrayList<>();
            jdbc.query("SELECT * FROM " + t, rs -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (!column.test(rs.getMetaData().getColumnLabel(i))) {
                        continue;
                    }
                    Object v = rs.getObject(i);
                    sb.append(v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : v).append('\u001F');
                }
                rows.add(sb.toString());
            });
            rows.sort(String::compareTo);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
            out.put(t, rows.size() + ":" + HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    /** Every text value in the tables that looks like a plain ID number or mobile number. */
    public static List<String> plainPersonalData(JdbcTemplate jdbc, List<String> tables) {
        List<String> found = new ArrayList<>();
        for (String t : tables) {
            jdbc.query("SELECT * FROM " + t, rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof String s && (ID_NUMBER.matcher(fold(s)).find() || MOBILE.matcher(fold(s)).find())) {
                        found.add(t + "." + rs.getMetaData().getColumnLabel(i));
                    }
                }
            });
        }
        return found;
    }

    /**
     * Full-width digits and letters as ASCII (Unicode NFKC, independent of the masker's own folding) and digit
     * groups joined, so that {@code １３８ 1234-5678} is found as {@code 13812345678}.
     */
    public static String fold(String text) {
        return GROUPING.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    public static List<String> plainPersonalData(String raw) {
        String text = fold(raw);
        List<String> found = new ArrayList<>();
        ID_NUMBER.matcher(text).results().forEach(m -> found.add("ID-like " + m.group().substring(0, 6) + "…"));
        MOBILE.matcher(text).results().forEach(m -> found.add("mobile-like " + m.group().substring(0, 3) + "…"));
        return found;
    }
}
