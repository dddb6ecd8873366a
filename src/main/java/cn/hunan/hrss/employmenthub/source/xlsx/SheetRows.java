package cn.hunan.hrss.employmenthub.source.xlsx;

import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Counts the {@code <row>} elements of one sheet's XML part, read with a plain StAX parser: the workbook's own
 * account of its rows, apart from the streaming reader that turns them into records.
 */
public final class SheetRows {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private SheetRows() {
    }

    /** Rows of the sheet named {@code sheetName}, or of the first sheet when it is null. */
    static long count(Path file, String sheetName) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (sheetName == null || sheetName.equals(sheets.getSheetName())) {
                        return rows(in);
                    }
                }
            }
        }
        throw new IllegalStateException(file.getFileName() + ": no sheet named '" + sheetName + "'");
    }

    /** The workbook's sheet names, in the workbook's order. */
    public static java.util.List<String> names(Path file) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    names.add(sheets.getSheetName());
                }
            }
        }
        return names;
    }

    private static long rows(InputStream in) throws Exception {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        long rows = 0;
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    rows++;
                }
            }
        } finally {
            xml.close();
        }
        return rows;
    }
}
