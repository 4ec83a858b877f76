package be.spil.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The plan's document as a Word file (Office Open XML, .docx) for schools that add it to their school work plan:
 * headings with Word's built-in heading styles, paragraphs, and tables with borders. Written by hand: a .docx is a zip
 * of a few XML parts, and the plan needs nothing more.
 */
final class PlanDocx {
    private PlanDocx() {}

    static void write(List<PlanDocument.Block> blocks, OutputStream out) {
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                </Types>""");
            part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
            part(zip, "word/_rels/document.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>""");
            part(zip, "word/styles.xml", styles());
            part(zip, "word/document.xml", document(blocks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String styles() {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
            <w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
            <w:rPr><w:b/><w:color w:val="0B4F8A"/><w:sz w:val="48"/></w:rPr></w:style>
            """);
        int[] sizes = {0, 36, 30, 24};
        for (int level = 1; level <= 3; level++) {
            xml.append("<w:style w:type=\"paragraph\" w:styleId=\"Heading").append(level).append("\"><w:name w:val=\"heading ")
                .append(level).append("\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>")
                .append("<w:outlineLvl w:val=\"").append(level - 1).append("\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"0B4F8A\"/><w:sz w:val=\"")
                .append(sizes[level]).append("\"/></w:rPr></w:style>\n");
        }
        return xml.append("</w:styles>").toString();
    }

    private static String document(List<PlanDocument.Block> blocks) {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            """);
        for (var block : blocks) {
            if (block instanceof PlanDocument.Heading h) {
                paragraph(xml, h.level() == 1 ? "Title" : "Heading" + (h.level() - 1), h.text(), false);
            } else if (block instanceof PlanDocument.Paragraph p) {
                paragraph(xml, null, p.text(), p.muted());
            } else if (block instanceof PlanDocument.Table t) {
                xml.append("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
                for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
                    xml.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/>");
                }
                xml.append("</w:tblBorders></w:tblPr>");
                row(xml, t.header(), true);
                t.rows().forEach(r -> row(xml, r, false));
                xml.append("</w:tbl>");
                paragraph(xml, null, "", false);
            }
        }
        return xml.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
            .append("<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"0\" w:footer=\"0\" w:gutter=\"0\"/>")
            .append("</w:sectPr></w:body></w:document>").toString();
    }

    private static void row(StringBuilder xml, List<String> cells, boolean header) {
        xml.append("<w:tr>");
        if (header) {
            xml.replace(xml.length() - 1, xml.length(), "><w:trPr><w:tblHeader/></w:trPr>");
        }
        for (String cell : cells) {
            xml.append("<w:tc><w:tcPr>").append(header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7EFF7\"/>" : "")
                .append("</w:tcPr><w:p><w:r>").append(header ? "<w:rPr><w:b/><w:sz w:val=\"18\"/></w:rPr>" : "<w:rPr><w:sz w:val=\"18\"/></w:rPr>")
                .append("<w:t xml:space=\"preserve\">").append(escape(cell)).append("</w:t></w:r></w:p></w:tc>");
        }
        xml.append("</w:tr>");
    }

    /** A paragraph; line breaks in the text stay line breaks. */
    private static void paragraph(StringBuilder xml, String style, String text, boolean muted) {
        xml.append("<w:p>");
        if (style != null) {
            xml.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            xml.append("<w:r>").append(muted ? "<w:rPr><w:i/><w:color w:val=\"555555\"/></w:rPr>" : "");
            if (i > 0) {
                xml.append("<w:br/>");
            }
            xml.append("<w:t xml:space=\"preserve\">").append(escape(lines[i])).append("</w:t></w:r>");
        }
        xml.append("</w:p>");
    }

    /** XML text: the five special characters escaped, characters XML 1.0 does not allow left out. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c > 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
