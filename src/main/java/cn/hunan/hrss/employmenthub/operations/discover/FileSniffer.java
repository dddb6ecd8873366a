package cn.hunan.hrss.employmenthub.operations.discover;

import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A file's settings from its first bytes: encoding (UTF-8 if the sample decodes strictly as UTF-8, else GBK), the
 * delimiter that splits the lines most evenly, and the header row (the first row filled across, after title rows
 * that fill one cell); for JSON, lines of objects or an array; for a workbook, its header row.
 */
final class FileSniffer {

    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final List<Character> DELIMITERS = List.of(',', '\t', ';', '|');

    private FileSniffer() {
    }

    static SourceDefinition.FileSettings csv(Path file) throws Exception {
        byte[] head = head(file);
        Charset charset = decodes(head, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        String text = new String(head, charset);
        List<String> lines = text.lines().limit(50).filter(l -> !l.isBlank()).toList();
        if (lines.size() > 1 && head.length == SAMPLE_BYTES) {
            lines = lines.subList(0, lines.size() - 1);    // the last line may be cut
        }
        char delimiter = delimiter(lines);
        int header = headerRow(rows(text, delimiter));
        return new SourceDefinition.FileSettings(charset == StandardCharsets.UTF_8 ? "UTF-8" : "GBK",
                delimiter == '\t' ? "\\t" : String.valueOf(delimiter), header, null);
    }

    static SourceDefinition.FileSettings json(Path file) throws Exception {
        String text = new String(head(file), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        return new SourceDefinition.FileSettings("UTF-8", null, null, text.startsWith("{") && !arrayObject(text) ? "ndjson"
                : "array");
    }

    /** A file that is one object holding the records' array ({@code {"data": [...]}}) rather than one object a line. */
    private static boolean arrayObject(String text) {
        String first = text.lines().findFirst().orElse("");
        return !first.strip().endsWith("}") && text.lines().limit(3).anyMatch(l -> l.contains("["));
    }

    /** The header row of a workbook's sheet, from its first rows as the streaming reader gives them. */
    static int xlsxHeaderRow(Path file, String sheet) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (org.apache.poi.ss.usermodel.Workbook wb = com.github.pjfanning.xlsx.StreamingReader.builder().rowCacheSize(50)
                .open(file.toFile())) {
            org.apache.poi.ss.usermodel.Sheet s = sheet == null ? wb.getSheetAt(0) : wb.getSheet(sheet);
            int next = 0;
            for (org.apache.poi.ss.usermodel.Row r : s) {
                while (rows.size() < r.getRowNum()) {
                    rows.add(List.of());    // rows the sheet leaves out are empty
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                    var c = r.getCell(i);
                    cells.add(c == null ? null : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c));
                }
                rows.add(cells);
                if (++next >= 30) {
                    break;
                }
            }
        }
        return headerRow(rows);
    }

    /** The first row filled across: rows above it that fill one cell or none are titles. */
    static int headerRow(List<List<String>> rows) {
        int widest = rows.stream().mapToInt(FileSniffer::filled).max().orElse(0);
        for (int i = 0; i < rows.size(); i++) {
            int filled = filled(rows.get(i));
            if (filled >= 2 && filled * 2 >= widest) {
                return i + 1;
            }
        }
        return 1;
    }

    private static int filled(List<String> row) {
        return (int) row.stream().filter(c -> c != null && !c.isBlank()).count();
    }

    private static List<List<String>> rows(String text, char delimiter) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        for (String line : text.lines().limit(30).toList()) {
            try {
                List<CSVRecord> parsed = format.parse(new java.io.StringReader(line)).getRecords();
                rows.add(parsed.isEmpty() ? List.of() : parsed.get(0).toList());
            } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
                rows.add(List.of(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)));   // a broken line
            }
        }
        return rows;
    }

    private static char delimiter(List<String> lines) {
        return DELIMITERS.stream().max(Comparator.comparingDouble(d -> evenness(lines, d))).orElse(',');
    }

    /** How many lines share the most common count of the delimiter, weighted by that count (0 when it never occurs). */
    private static double evenness(List<String> lines, char d) {
        Map<Long, Long> counts = lines.stream().map(l -> l.chars().filter(c -> c == d).count())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getKey() > 0)
                .mapToDouble(e -> e.getValue() * 1000.0 + e.getKey()).max().orElse(0);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        int end = bytes.length;
        if (end == SAMPLE_BYTES) {
            while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
                end--;    // a UTF-8 sequence cut at the sample's end
            }
            end = Math.max(0, end - 1);
        }
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] head(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }
}
