package io.github.hypergrad4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** A small table of text drawn as an image: a title, a header row and rows, columns sized to fit. */
public final class Table {
    private static final int MARGIN = 14;
    private static final int PAD = 18;
    private static final int ROW = 24;

    private final String title;
    private final String[] header;
    private final String[][] rows;

    private Table(String title, String[] header, String[][] rows) {
        for (String[] r : rows) {
            if (r.length != header.length) {
                throw new IllegalArgumentException("a row has " + r.length + " cells for " + header.length + " columns");
            }
        }
        this.title = title;
        this.header = header.clone();
        this.rows = rows.clone();
    }

    /** A table with these column headings and rows (each with one cell per heading). */
    public static Table of(String title, String[] header, String[][] rows) {
        return new Table(title, header, rows);
    }

    /** Whether every cell of column c (below the header) is a number, possibly with a % sign. */
    private boolean numeric(int c) {
        for (String[] r : rows) {
            if (!r[c].matches("[-+]?[0-9.,]+%?")) {
                return false;
            }
        }
        return rows.length > 0;
    }

    /** Draws the table; numbers are best given already formatted. */
    public BufferedImage render() {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(Fonts.label());
        FontMetrics fm = pg.getFontMetrics();
        FontMetrics bold = pg.getFontMetrics(Fonts.label().deriveFont(java.awt.Font.BOLD));
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = bold.stringWidth(header[c]);
            for (String[] r : rows) {
                widths[c] = Math.max(widths[c], fm.stringWidth(r[c]));
            }
        }
        pg.setFont(Fonts.title());
        int titleW = title.isEmpty() ? 0 : pg.getFontMetrics().stringWidth(title);
        pg.dispose();
        int tableW = 0;
        for (int w : widths) {
            tableW += w + PAD;
        }
        int titleH = title.isEmpty() ? 0 : 28;
        int totalW = 2 * MARGIN + Math.max(tableW, titleW);
        int totalH = 2 * MARGIN + titleH + ROW * (rows.length + 1);
        BufferedImage out = new BufferedImage(totalW, totalH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, totalW, totalH);
            g.setColor(Color.BLACK);
            if (!title.isEmpty()) {
                g.setFont(Fonts.title());
                g.drawString(title, MARGIN, MARGIN + g.getFontMetrics().getAscent());
            }
            int top = MARGIN + titleH;
            g.setFont(Fonts.label().deriveFont(java.awt.Font.BOLD));
            drawRow(g, header, widths, top);
            g.setColor(Color.GRAY);
            g.drawLine(MARGIN, top + ROW - 4, MARGIN + tableW - PAD, top + ROW - 4);
            g.setColor(Color.BLACK);
            g.setFont(Fonts.label());
            for (int r = 0; r < rows.length; r++) {
                drawRow(g, rows[r], widths, top + ROW * (r + 1));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Numbers (and percentages) right-aligned, so their digits line up; text left-aligned. */
    private void drawRow(Graphics2D g, String[] cells, int[] widths, int y) {
        FontMetrics fm = g.getFontMetrics();
        int x = MARGIN;
        for (int c = 0; c < cells.length; c++) {
            int dx = numeric(c) ? widths[c] - fm.stringWidth(cells[c]) : 0;
            g.drawString(cells[c], x + dx, y + fm.getAscent());
            x += widths[c] + PAD;
        }
    }
}
