package cn.hunan.hrss.employmenthub.testkit.generator;

import static cn.hunan.hrss.employmenthub.testkit.generator.FuzzCsv.GBK;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** The fuzz sources' JSON files: lines of objects and arrays of them (see {@link FuzzWriter}). */
final class FuzzJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path config;
    private final Fakes f;
    private final FuzzCases cases;
    private final FuzzTruth truth;

    FuzzJson(Path config, Fakes f, FuzzCases cases, FuzzTruth truth) {
        this.config = config;
        this.f = f;
        this.cases = cases;
        this.truth = truth;
    }

    void ndjson() throws IOException {
        String source = "fuzz-ndjson";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/ndjson"));
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String file = "data/fuzz/ndjson/persons-a.ndjson";
        long line = 0;
        for (int i = 1; i <= 2900; i++) {
            line++;
            String eol = f.chance(0.3) ? "\r\n" : "\n";
            Person p = cases.plain();
            if (i % 41 == 0) {
                FuzzCsv.write(out, "{\"name\":\"" + p.name() + "\",\"idCard\":", StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 43 == 0) {
                FuzzCsv.write(out, object(p).toString() + " " + object(cases.plain()), StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 47 == 0) {
                FuzzCsv.write(out, "{\"name\":\"" + p.name() + "\",\"extra\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
                        StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 53 == 0) {
                FuzzCsv.write(out, String.valueOf(i), StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 59 == 0) {
                out.write("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
                out.write(cases.undecodableName(GBK, StandardCharsets.UTF_8).getBytes(GBK));
                FuzzCsv.write(out, "\",\"idCard\":\"" + p.idNumber() + "\"}", StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_ENCODING");
            } else if (i % 61 == 0) {
                FuzzCsv.write(out, "   ", StandardCharsets.UTF_8, eol);     // blank: passed over
                truth.unread();
            } else {
                Person v = cases.person(i == 1500 || i == 2500 ? Value.HUGE : f.pick(values));
                ObjectNode o = object(v);
                if (i % 67 == 0) {
                    ObjectNode nest = o.putObject("meta");
                    for (int d = 0; d < 200; d++) {
                        nest = nest.putObject("n");
                    }
                }
                FuzzCsv.write(out, o.toString(), StandardCharsets.UTF_8, eol);
                truth.expect(source, file, line, v);
            }
            truth.read();
        }
        Files.write(dir.resolve("persons-a.ndjson"), out.toByteArray());
        Files.write(dir.resolve("persons-empty.ndjson"), new byte[0]);
    }

    void array() throws IOException {
        String source = "fuzz-json";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/json"));
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        StringBuilder sb = new StringBuilder("[\n");
        String file = "data/fuzz/json/persons-a.json";
        int n = 1260;
        for (int i = 1; i <= n; i++) {
            long line = i + 1;
            String element;
            if (i % 40 == 0) {
                element = i % 80 == 0 ? "\"" + f.personName() + "\"" : "[" + i + "]";
                truth.bad(source, file, line, "READ_JSON_MALFORMED");
            } else {
                Person p = cases.person(f.pick(values));
                element = object(p).toString();
                truth.expect(source, file, line, p);
            }
            sb.append(element).append(i < n ? ",\n" : "\n");
            truth.read();
        }
        Files.writeString(dir.resolve("persons-a.json"), sb.append("]\n"), StandardCharsets.UTF_8);
        // cut off in the middle of an element: the elements before it load, the file is not remembered
        StringBuilder cut = new StringBuilder("[\n");
        String cutFile = "data/fuzz/json/persons-cut.json";
        for (int i = 1; i <= 20; i++) {
            Person p = cases.plain();
            cut.append(object(p)).append(",\n");
            truth.expect(source, cutFile, i + 1, p);
            truth.read();
        }
        cut.append("{\"name\":\"").append(f.personName()).append("\",\"idCard\":\"4304");
        truth.bad(source, cutFile, 22, "READ_JSON_MALFORMED");
        truth.read();
        truth.notRemembered(cutFile);
        Files.writeString(dir.resolve("persons-cut.json"), cut, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("persons-html.json"), "<html><body>502 Bad Gateway</body></html>\n");
        truth.bad(source, "data/fuzz/json/persons-html.json", 1, "READ_FILE");
        truth.read();
        truth.notRemembered("data/fuzz/json/persons-html.json");
        Files.write(dir.resolve("persons-empty.json"), new byte[0]);
    }

    private static ObjectNode object(Person p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        o.put("idCard", p.idNumber());
        o.put("gender", p.gender());
        o.put("mobile", p.phone());
        o.put("regDate", p.registered());
        return o;
    }
}
