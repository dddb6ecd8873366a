package cn.hunan.hrss.employmenthub.testkit.benchmark;

import com.mysql.cj.jdbc.JdbcStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The two reference measures: the physical limit and a plain Spring Batch step, into tables of the landing's shape. */
final class Steps {

    private final ApplicationContext context;
    private final String url;
    private final JdbcTemplate jdbc;

    Steps(ApplicationContext context, String url, JdbcTemplate jdbc) {
        this.context = context;
        this.url = url;
        this.jdbc = jdbc;
    }

    /** {@code LOAD DATA LOCAL INFILE} of the rows, streamed, into a copy of landing_record's table: rows per second. */
    double limit(LandingRows rows) throws Exception {
        fresh("bench_limit");
        String local = url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true";
        try (Connection c = DriverManager.getConnection(local, context.getEnvironment().getProperty("spring.datasource.username"),
                context.getEnvironment().getProperty("spring.datasource.password", ""));
             Statement s = c.createStatement()) {
            s.unwrap(JdbcStatement.class).setLocalInfileInputStream(rows.tsv());
            long start = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE bench_limit CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ("
                    + LandingRows.COLUMNS + ")");
            return rows.size() / BenchmarkTool.seconds(start);
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS bench_limit");
        }
    }

    /** A Spring Batch chunk step (chunk 1000, no processing) writing the rows with a JdbcBatchItemWriter: rows per second. */
    double plain(LandingRows rows) throws Exception {
        fresh("bench_plain");
        try {
            JobRepository repository = context.getBean(JobRepository.class);
            PlatformTransactionManager tm = context.getBean(PlatformTransactionManager.class);
            long[] next = {0};
            ItemReader<Object[]> reader = () -> next[0] < rows.size() ? rows.row(next[0]++) : null;
            JdbcBatchItemWriter<Object[]> writer = new JdbcBatchItemWriterBuilder<Object[]>()
                    .dataSource(context.getBean(javax.sql.DataSource.class))
                    .sql("INSERT INTO bench_plain (" + LandingRows.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)")
                    .itemPreparedStatementSetter((item, ps) -> {
                        for (int i = 0; i < item.length; i++) {
                            ps.setObject(i + 1, item[i]);
                        }
                    }).build();
            writer.afterPropertiesSet();
            Step step = new StepBuilder("benchmark-plain", repository).<Object[], Object[]>chunk(1000).transactionManager(tm)
                    .reader(reader).writer(writer).build();
            Job job = new JobBuilder("benchmark-plain", repository).start(step).build();
            long start = System.nanoTime();
            context.getBean(JobOperator.class).start(job, new JobParametersBuilder().addLong("at", System.nanoTime())
                    .toJobParameters());
            return rows.size() / BenchmarkTool.seconds(start);
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS bench_plain");
        }
    }

    private void fresh(String table) {
        jdbc.execute("DROP TABLE IF EXISTS " + table);
        jdbc.execute("CREATE TABLE " + table + " LIKE landing_record");
    }
}
