package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path ({@code LOAD DATA LOCAL INFILE}) on the real server: it is the one taken here, it brings back every
 * value exactly as the batched INSERT does (tabs, line breaks, backslashes, the text {@code \N}, NUL, full-width and
 * four-byte characters, NULLs, dates, times to the second, decimals), it belongs to the caller's transaction, and a value the
 * server would cut or convert fails the load instead of being stored changed.
 */
class BulkInsertOnMariaDbTests extends MariaDbWarehouseTest {

    private static final List<String> COLUMNS = List.of("id", "t", "d", "dt", "n", "k");

    @Autowired
    BulkInsert bulk;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void probeTables() {
        for (String table : List.of("probe_bulk", "probe_batch")) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
            jdbc.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, t VARCHAR(40), d DATE, dt DATETIME(6), "
                    + "n DECIMAL(12,2), k VARCHAR(3))");
        }
    }

    @Test
    void theBulkPathIsTakenAndBringsBackEveryValueAsTheBatchedInsertDoes() {
        // given: awkward values
        List<Object[]> rows = new ArrayList<>();
        String[] texts = {"tab\there", "line\nbreak\r\nend", "back\\slash\\", "\\N", "", "nul\0char", "１３８ 全角",
            "𠀀 four bytes", "'quote\" and ; semicolon", null};
        for (int i = 0; i < texts.length; i++) {
            rows.add(new Object[] {(long) i, texts[i], i % 2 == 0 ? LocalDate.of(2023, 12, 31 - i) : null,
                i % 3 == 0 ? LocalDateTime.of(2024, 1, 1, 8, 30, 15, 123_456_000) : null,
                i % 2 == 1 ? new BigDecimal("-1234.5") : null, i % 4 == 0 ? "abc" : null});
        }
        BulkInsert batched = new BulkInsert(jdbc, "off");

        // when
        tx.executeWithoutResult(s -> bulk.insert("probe_bulk", COLUMNS, rows));
        tx.executeWithoutResult(s -> batched.insert("probe_batch", COLUMNS, rows));

        // then
        assertThat(bulk.bulk()).isTrue();
        assertThat(batched.bulk()).isFalse();
        List<Map<String, Object>> loaded = jdbc.queryForList("SELECT * FROM probe_bulk ORDER BY id");
        assertThat(loaded).isEqualTo(jdbc.queryForList("SELECT * FROM probe_batch ORDER BY id"));
        assertThat(loaded).extracting(m -> m.get("t")).containsExactly((Object[]) texts);
        assertThat(loaded.get(0).get("dt")).isEqualTo(LocalDateTime.of(2024, 1, 1, 8, 30, 15));
        assertThat(loaded.get(1).get("n")).isEqualTo(new BigDecimal("-1234.50"));
    }

    @Test
    void aRolledBackTransactionLeavesNothingLoaded() {
        // given
        List<Object[]> rows = List.<Object[]>of(new Object[] {1L, "a", null, null, null, null});

        // when
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            bulk.insert("probe_bulk", COLUMNS, rows);
            throw new IllegalStateException("the chunk fails after its write");
        })).hasMessage("the chunk fails after its write");

        // then
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_bulk", Long.class)).isZero();
    }

    @Test
    void aValueTheServerWouldCutFailsTheLoadNamingTheTable() {
        // given: 'abcd' does not fit VARCHAR(3); LOAD DATA LOCAL would store 'abc' with a warning
        List<Object[]> rows = Arrays.asList(new Object[] {1L, "fine", null, null, null, "abc"},
                new Object[] {2L, "too long", null, null, null, "abcd"});

        // when / then
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> bulk.insert("probe_bulk", COLUMNS, rows)))
                .hasMessageContaining("bulk load into probe_bulk").hasMessageContaining("'k'");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_bulk", Long.class)).isZero();
    }

    @Test
    void aDuplicateKeyFailsTheLoadInsteadOfBeingSkipped() {
        // given: LOAD DATA LOCAL skips a duplicate key with a warning
        List<Object[]> rows = Arrays.asList(new Object[] {1L, "first", null, null, null, null},
                new Object[] {1L, "again", null, null, null, null});

        // when / then
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> bulk.insert("probe_bulk", COLUMNS, rows)))
                .hasMessageContaining("took 1 of 2 rows");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_bulk", Long.class)).isZero();
    }

    @Test
    void aMySqlPoolSendsBatchesAsMultiRowInsertsUnlessItsUrlSaysOtherwise() throws Exception {
        // given: the server's URL without parameters, and with the rewrite turned off by hand
        String plain = url(DATABASE).replaceFirst("\\?.*$", "");

        // when / then
        assertThat(rewrites(plain)).isTrue();
        assertThat(rewrites(plain + "?rewriteBatchedStatements=false")).isFalse();
    }

    /** Whether a connection of a pool prepared as the application prepares its warehouse pool rewrites batches. */
    private static boolean rewrites(String url) throws Exception {
        try (com.zaxxer.hikari.HikariDataSource h = new com.zaxxer.hikari.HikariDataSource()) {
            h.setJdbcUrl(url);
            h.setUsername(user());
            h.setPassword(password());
            BulkLoadConnections.prepare(h, "auto");
            try (java.sql.Connection c = h.getConnection()) {
                return c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getPropertySet()
                        .getBooleanProperty(com.mysql.cj.conf.PropertyKey.rewriteBatchedStatements).getValue();
            }
        }
    }
}
