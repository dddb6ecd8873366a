package cn.hunan.hrss.employmenthub.testkit.benchmark;

import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.warehouse.ScratchCopy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The memory step: a larger dataset's first night, as {@code nightly -Xmx1g} in a process of its own, into a warehouse
 * and county databases of its own beside the benchmark's ({@code <db>_bench_mem}, {@code <db>_bench_mem_src}), which
 * are dropped afterwards. Its peak resident memory, set against the full night's, shows whether memory follows the
 * heap the operator gives or the size of the province.
 */
final class MemoryNight {

    /** The larger night as measured, and what it was given. */
    record Measured(int persons, int counties, long records, double generateSeconds, Nights.Night night) {
    }

    private final JdbcTemplate jdbc;
    private final String url;
    private final String username;
    private final String password;

    MemoryNight(JdbcTemplate jdbc, String url, String username, String password) {
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Generates {@code persons} in {@code counties} under {@code dir} and runs their first night; the databases are
     * dropped whatever happens.
     */
    Measured measure(Nights nights, int persons, int counties, long seed, Path dir) throws Exception {
        String database = jdbc.queryForObject("SELECT DATABASE()", String.class) + "_bench_mem";
        String sources = database + "_src";
        try {
            jdbc.execute("DROP DATABASE IF EXISTS " + database);
            jdbc.execute("DROP DATABASE IF EXISTS " + sources);
            jdbc.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            jdbc.execute("CREATE DATABASE " + sources + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            long started = System.nanoTime();
            Map<String, Object> truth = GenerateCommand.generate(dir, counties, persons, seed,
                    ScratchCopy.withDatabase(url, sources));
            double generateSeconds = BenchmarkTool.seconds(started);
            long records = ((Map<?, ?>) truth.get("read")).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            String warehouseUrl = ScratchCopy.withDatabase(url, database);
            SingleConnectionDataSource warehouse = new SingleConnectionDataSource(warehouseUrl, username, password, true);
            try {
                Nights.Night night = nights.ownProcess(LocalDate.parse(GenerateCommand.RUN_DATE), dir.resolve("jobs-config"),
                        warehouseUrl, new JdbcTemplate(warehouse), dir.resolve("night-" + persons + ".log"));
                return new Measured(persons, counties, records, generateSeconds, night);
            } finally {
                warehouse.destroy();
            }
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + database);
            jdbc.execute("DROP DATABASE IF EXISTS " + sources);
        }
    }

    /** As many counties as keep the persons per county of the benchmark's own dataset, at most the province's 134. */
    static int counties(int persons, int counties, int memoryPersons) {
        return (int) Math.max(1, Math.min(134, Math.round((double) counties * memoryPersons / persons)));
    }
}
