package cn.hunan.hrss.employmenthub.source.xlsx;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Streams one sheet; a record's line is its row number in Excel. Date cells become ISO dates. */
final class XlsxCursor implements RecordCursor {

    private final String sourceId;
    private final ExtractUnit unit;
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final RowFilter filter;
    private final List<String> header = new ArrayList<>();
    private final String sheetName;
    private long skipped;
    private long accounted;

    XlsxCursor(String sourceId, ExtractUnit unit, String sheetName, int headerRow, RowFilter filter) throws IOException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.filter = filter;
        this.sheetName = sheetName;
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(unit.file().toFile());
        } catch (RuntimeException e) {
            throw new UnreadableFileException(unit.label() + ": not a readable workbook: " + e.getMessage(), e);
        }
        Sheet sheet = sheet(workbook, sheetName);
        if (sheet == null) {
            workbook.close();
            throw new IOException(unit.label() + ": no sheet named '" + sheetName + "'");
        }
        this.rows = sheet.rowIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            accounted++;
            if (row.getRowNum() + 1 == headerRow) {
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    String v = text(row.getCell(i));
                    header.add(v == null ? "" : v.trim());
                }
                break;
            }
        }
    }

    private static Sheet sheet(Workbook workbook, String name) {
        try {
            return name == null ? workbook.getSheetAt(0) : workbook.getSheet(name);
        } catch (RuntimeException e) {
            return null;    // the streaming workbook throws for a sheet it does not have
        }
    }

    @Override
    public SourceRecord next() {
        while (rows.hasNext()) {
            Row row = rows.next();
            accounted++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), text(row.getCell(i)));
            }
            if (filter.skip(values)) {
                skipped++;
                continue;
            }
            return SourceRecord.of(sourceId, unit.entity(), unit.label(), row.getRowNum() + 1L, values);
        }
        return null;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dt = cell.getLocalDateTimeCellValue();
                    yield dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.toString();
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }

    @Override
    public long skipped() {
        return skipped;
    }

    /** The sheet's rows as its XML part lists them, counted apart from the streaming reader. */
    @Override
    public OptionalLong sourceCount() throws Exception {
        return OptionalLong.of(SheetRows.count(unit.file(), sheetName));
    }

    /** Every row the reader went through: titles, the header, records and rows passed over. */
    @Override
    public long accounted() {
        return accounted;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
