package app.tend.web.couple;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 pages filled from the top down: headings, wrapped paragraphs and charts, a new page whenever
 * the next piece does not fit, and a footer with "page n of m" on every page at the end. Text is
 * set in DejaVu Sans when the machine has it (so any name prints), else in Helvetica, where a
 * character it cannot show becomes "?".
 */
final class PdfPages implements AutoCloseable {

  static final float MARGIN = 50;
  static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BOTTOM = MARGIN + 24;
  private static final List<String> REGULAR = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf");
  static final float[] INK = {0.13f, 0.15f, 0.17f};
  private static final float[] QUIET = {0.38f, 0.40f, 0.43f};
  static final float[] ALERT = {0.70f, 0.16f, 0.14f};

  private final PDDocument document = new PDDocument();
  final PDFont regular;
  final PDFont bold;
  private PDPageContentStream page;
  private float y;

  PdfPages() {
    PDFont[] fonts = fonts(document);
    regular = fonts[0];
    bold = fonts[1];
    newPage();
  }

  private static PDFont[] fonts(PDDocument document) {
    for (String path : REGULAR) {
      File file = new File(path);
      File boldFile = new File(path.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"));
      if (file.canRead() && boldFile.canRead()) {
        try {
          return new PDFont[] {PDType0Font.load(document, file), PDType0Font.load(document, boldFile)};
        } catch (IOException unreadable) {
          break;
        }
      }
    }
    return new PDFont[] {new PDType1Font(Standard14Fonts.FontName.HELVETICA), new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)};
  }

  PDPageContentStream content() {
    return page;
  }

  /** Room left on this page; a new page first when less than {@code height} is left. */
  float need(float height) {
    if (y - height < BOTTOM) {
      newPage();
    }
    return y;
  }

  void skip(float height) {
    y -= height;
  }

  void heading(String text, float size) {
    need(size * 2.2f + 40); // never the last line of a page: what it heads comes with it
    y -= size * 0.6f;
    write(text, bold, size, INK, WIDTH);
    y -= size * 0.3f;
  }

  void paragraph(String text, float size) {
    write(text, regular, size, INK, WIDTH);
  }

  void quiet(String text, float size) {
    write(text, regular, size, QUIET, WIDTH);
  }

  /** Wrapped lines of {@code text}, each line placed where the cursor is, moving it down. */
  void write(String text, PDFont font, float size, float[] colour, float width) {
    writeAt(MARGIN, text, font, size, colour, width);
  }

  void writeAt(float x, String text, PDFont font, float size, float[] colour, float width) {
    for (String line : wrap(printable(text, font), font, size, width - (x - MARGIN))) {
      need(size * 1.4f);
      y -= size * 1.25f;
      text(x, y, line, font, size, colour);
      y -= size * 0.15f;
    }
  }

  /** One line of text at a place, not moving the cursor. */
  void text(float x, float baseline, String line, PDFont font, float size, float[] colour) {
    try {
      page.beginText();
      page.setFont(font, size);
      page.setNonStrokingColor(colour[0], colour[1], colour[2]);
      page.newLineAtOffset(x, baseline);
      page.showText(printable(line, font));
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(printable(text, font)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with what the font cannot show replaced: control characters by spaces, missing glyphs by "?". */
  static String printable(String text, PDFont font) {
    var out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String one = Character.isISOControl(cp) ? " " : Character.toString(cp);
      try {
        font.encode(one);
        out.append(one);
      } catch (IOException | IllegalArgumentException notInFont) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private List<String> wrap(String text, PDFont font, float size, float width) {
    var lines = new ArrayList<String>();
    for (String paragraph : text.split("\\R", -1)) {
      var line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width || line.isEmpty()) {
          line.setLength(0);
          line.append(candidate);
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private void newPage() {
    try {
      if (page != null) {
        page.close();
      }
      var next = new PDPage(PDRectangle.A4);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the pages, puts {@code footer} and "page n of m" at the foot of each, and answers the file. */
  byte[] finish(String footer) {
    try {
      page.close();
      page = null;
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (var foot = new PDPageContentStream(document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          String number = "page " + (i + 1) + " of " + pages;
          foot.beginText();
          foot.setFont(regular, 8);
          foot.setNonStrokingColor(QUIET[0], QUIET[1], QUIET[2]);
          foot.newLineAtOffset(MARGIN, MARGIN - 10);
          foot.showText(printable(footer, regular));
          foot.newLineAtOffset(WIDTH - width(number, regular, 8), 0);
          foot.showText(number);
          foot.endText();
        }
      }
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (page != null) {
        page.close();
      }
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
