package cn.hunan.hrss.employmenthub.operations.discover;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a draft source YAML: every table or file an entity item, every column either mapped to its proposed field or
 * listed in a comment with what its values look like, and {@code TODO} where only a person can decide (the id, the
 * region, credentials), so that {@code check-config} refuses the draft until they are filled in.
 */
final class DraftWriter {

    /** One entity item of the draft: where it reads, and the proposal for it. */
    record Item(String table, String path, List<String> sheet, Integer headerRow, FieldGuess.Proposal proposal) {
    }

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-/*]*");

    private DraftWriter() {
    }

    static String write(String what, String id, String region, SourceKind kind, String url,
                        SourceDefinition.FileSettings file, List<Item> items) {
        StringBuilder y = new StringBuilder();
        y.append("# Draft written by discover on ").append(LocalDate.now()).append(" from ").append(what).append(".\n")
                .append("# Fill in every TODO, check every proposed field, then run check-config and preview --source=ID.\n");
        y.append("id: ").append(id == null ? "TODO-source-id      # lowercase letters, digits and dashes" : id).append('\n');
        y.append("name: \"\"            # TODO: the system's name\n");
        y.append("kind: ").append(kind.name().toLowerCase()).append('\n');
        y.append("region: \"").append(region == null ? "TODO" : region)
                .append("\"     # the division code of the county, city or province the system covers\n");
        y.append("priority: 50          # lower wins where sources disagree (county platform 10, registers 30)\n");
        if (SourceKind.JDBC.equals(kind)) {
            y.append("connection:\n  url: ").append(q(url)).append('\n')
                    .append("  username: ${TODO_DB_USER}         # credentials only as ${ENV_VAR}\n")
                    .append("  password: ${TODO_DB_PASSWORD}\n");
        } else if (file != null) {
            y.append("file: {");
            StringBuilder f = new StringBuilder();
            if (file.encoding() != null) {
                f.append("encoding: ").append(file.encoding());
            }
            if (file.delimiter() != null) {
                f.append(f.length() > 0 ? ", " : "").append("delimiter: ").append(q(file.delimiter()));
            }
            if (file.headerRow() != null) {
                f.append(f.length() > 0 ? ", " : "").append("header-row: ").append(file.headerRow());
            }
            if (file.format() != null) {
                f.append(f.length() > 0 ? ", " : "").append("format: ").append(file.format());
            }
            y.append(f).append("}\n");
        }
        y.append("entities:\n");
        for (Item item : items) {
            item(y, item);
        }
        return y.toString();
    }

    private static void item(StringBuilder y, Item item) {
        FieldGuess.Proposal p = item.proposal();
        y.append("  - entity: ").append(p.entity().key()).append(p.entityCertain() ? "" : "        # TODO: guessed; which entity?")
                .append('\n');
        if (item.table() != null) {
            y.append("    table: ").append(q(item.table())).append('\n');
            if (p.updatedAt() != null) {
                y.append("    updated-at: ").append(q(p.updatedAt())).append('\n');
            } else {
                y.append("    # updated-at: no change-time column found; without one every night reads the whole table\n");
            }
        } else {
            String name = item.path().substring(item.path().lastIndexOf('/') + 1);
            String glob = name.replaceAll("(19|20)\\d\\d", "*");
            y.append("    path: ").append(q(item.path())).append(glob.equals(name) ? "\n"
                    : "   # " + glob + " would read next year's file too\n");
            if (item.sheet() != null) {
                y.append("    sheet: ").append(q(item.sheet().get(0))).append('\n');
            }
            if (item.headerRow() != null) {
                y.append("    header-row: ").append(item.headerRow()).append('\n');
            }
        }
        if (p.key() != null) {
            y.append("    key: ").append(q(p.key())).append('\n');
        }
        y.append("    columns:\n");
        p.columns().stream().filter(c -> c.field() != null)
                .forEach(c -> y.append("      ").append(c.field()).append(": ").append(q(c.column())).append('\n'));
        List<FieldGuess.Column> open = p.columns().stream().filter(c -> c.field() == null && !"updated-at".equals(c.note())
                && !c.column().equals(p.key())).toList();
        if (!open.isEmpty()) {
            y.append("      # not decided: map to a field of ").append(p.entity().key()).append(" or leave out\n");
            open.forEach(c -> y.append("      # ?: ").append(q(c.column())).append("    # ").append(c.note().replace('\n', ' '))
                    .append('\n'));
        }
        if (p.entity() == EntityType.PERSON && !p.mapped().containsKey("channel")) {
            y.append("    # constants: {channel: TODO}   # how these persons registered, if the same for all: ")
                    .append("station, county_platform, online, gig_market, liaison\n");
        }
    }

    /** A scalar as YAML: plain where that is safe, else double-quoted. */
    static String q(String s) {
        if (s != null && PLAIN.matcher(s).matches() && !s.equalsIgnoreCase("null") && !s.equalsIgnoreCase("true")
                && !s.equalsIgnoreCase("false") && !s.equalsIgnoreCase("yes") && !s.equalsIgnoreCase("no")) {
            return s;
        }
        return "\"" + String.valueOf(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }
}
