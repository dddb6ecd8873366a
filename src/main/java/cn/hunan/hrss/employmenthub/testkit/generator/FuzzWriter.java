package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code generate --defects=fuzz}: six extra source systems, one of each kind (GBK CSV, UTF-8 CSV, NDJSON, JSON
 * array, XLSX, a database table), that deliver persons the hostile way: broken quoting, bytes of the other encoding,
 * byte-order marks, mixed line endings, empty, header-only and cut-off files, a header naming a column twice, JSON
 * nested past any record, non-records in an array, a workbook that is not one, formula and merged cells, dates as
 * numbers, 1 MB values, control and 4-byte characters, SQL and formula injection, full-width and spaced numbers. The
 * truth names every record that must be quarantined (source, file, line, rule) and counts those that must load.
 */
final class FuzzWriter {


    private final Path config;
    private final Fakes f;
    private final FuzzCases cases;
    private final FuzzTruth truth = new FuzzTruth();

    FuzzWriter(Path config, long seed, String county, Set<String> taken) {
        this.config = config;
        this.f = new Fakes(seed ^ 0x5EEDF022L);
        this.cases = new FuzzCases(f, county, taken);
    }

    /** Writes every fuzz source; the database table goes to {@code sourceDbUrl}'s statements, or to an H2 script. */
    SqlScript write() throws IOException {
        FuzzCsv csv = new FuzzCsv(config, f, cases, truth);
        csv.gbk();
        csv.utf8();
        FuzzJson json = new FuzzJson(config, f, cases, truth);
        json.ndjson();
        json.array();
        new FuzzWorkbook(config, f, cases, truth).write();
        SqlScript script = table();
        sources();
        return script;
    }

    Map<String, Object> truth() {
        return truth.map();
    }

    // ---------------------------------------------------------------- database

    private SqlScript table() {
        String source = "fuzz-jdbc";
        SqlScript s = new SqlScript();
        s.create("fuzz_ry", "xh INT PRIMARY KEY, xm VARCHAR(2000), sfzh VARCHAR(40), xb VARCHAR(4), lxdh VARCHAR(40), "
                + "djrq VARCHAR(40), gxsj DATETIME");
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        LocalDateTime base = LocalDateTime.of(2023, 6, 1, 8, 0);
        for (int i = 1; i <= 1000; i++) {
            Person p = cases.person(f.pick(values));
            String name = p.name().replace("\u0000", "");
            s.insert("fuzz_ry", "xh, xm, sfzh, xb, lxdh, djrq, gxsj", i, name.isEmpty() ? null : name, p.idNumber(), p.gender(),
                    p.phone(), p.registered(), base.plusMinutes(i));
            truth.expect(source, "fuzz_ry", i, p);
            truth.read();
        }
        return s;
    }

    // ---------------------------------------------------------------- config and truth

    private void sources() throws IOException {
        String persons = """
                    columns: {name: %s, id_number: %s, gender: %s, phone: %s, registered_on: %s}
                    constants: {channel: station}
                """;
        String csv = persons.formatted("姓名", "身份证号", "性别", "联系电话", "登记日期");
        String json = persons.formatted("name", "idCard", "gender", "mobile", "regDate");
        String head = """
                # generate --defects=fuzz: hostile %1$s files (see truth.json "fuzz")
                id: %2$s
                kind: %3$s
                region: "43"
                priority: 90
                error-limit: {count: 1000000, percent: 100}
                """;
        write("fuzz-csv-gbk.yml", head.formatted("GBK CSV", "fuzz-csv-gbk", "csv") + """
                file: {encoding: GBK, header-row: 1}
                entities:
                  - entity: person
                    path: data/fuzz/csv-gbk/persons-*.csv
                    skip-rows: {blank: true}
                """ + csv);
        write("fuzz-csv-utf8.yml", head.formatted("UTF-8 CSV", "fuzz-csv-utf8", "csv") + """
                file: {encoding: UTF-8, header-row: 1}
                entities:
                  - entity: person
                    path: data/fuzz/csv-utf8/persons-*.csv
                """ + csv);
        write("fuzz-ndjson.yml", head.formatted("NDJSON", "fuzz-ndjson", "json") + """
                file: {format: ndjson, encoding: UTF-8}
                entities:
                  - entity: person
                    path: data/fuzz/ndjson/persons-*.ndjson
                """ + json);
        write("fuzz-json.yml", head.formatted("JSON array", "fuzz-json", "json") + """
                file: {format: array, encoding: UTF-8}
                entities:
                  - entity: person
                    path: data/fuzz/json/persons-*.json
                """ + json);
        write("fuzz-xlsx.yml", head.formatted("XLSX", "fuzz-xlsx", "xlsx") + """
                entities:
                  - entity: person
                    path: data/fuzz/xlsx/persons-*.xlsx
                    sheet: 名册
                    header-row: 1
                """ + csv);
    }

    /** The database source, once its URL is known (an H2 script beside the files, or the server given). */
    void jdbcSource(String url, String table, String user) throws IOException {
        write("fuzz-jdbc.yml", """
                # generate --defects=fuzz: hostile values in a database table (see truth.json "fuzz")
                id: fuzz-jdbc
                kind: jdbc
                region: "43"
                priority: 90
                error-limit: {count: 1000000, percent: 100}
                connection:
                  url: "%s"
                  username: ${COUNTY_DB_USER:%s}
                  password: ${COUNTY_DB_PASSWORD:}
                entities:
                  - entity: person
                    table: %s
                    updated-at: gxsj
                    key: xh
                    columns: {name: xm, id_number: sfzh, gender: xb, phone: lxdh, registered_on: djrq}
                    constants: {channel: station}
                """.formatted(url, user, table));
    }

    private void write(String name, String text) throws IOException {
        Path file = config.resolve("sources/fuzz/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
