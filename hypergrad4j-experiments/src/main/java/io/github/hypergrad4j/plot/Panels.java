package io.github.hypergrad4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Puts several panels (charts, image grids) into one figure on a white background. */
public final class Panels {
    private static final int GAP = 6;

    private Panels() {}

    /** Panels stacked top to bottom, each centred horizontally. */
    public static BufferedImage column(BufferedImage... panels) {
        return grid(1, panels);
    }

    /** Panels side by side, top-aligned. */
    public static BufferedImage row(BufferedImage... panels) {
        return grid(panels.length, panels);
    }

    /**
     * Panels in reading order, {@code columns} per row; a null panel leaves its cell empty. Each cell is
     * as wide as the widest panel of its column and as tall as the tallest of its row.
     */
    public static BufferedImage grid(int columns, BufferedImage... panels) {
        if (columns < 1 || panels.length == 0) {
            throw new IllegalArgumentException("need at least one panel and one column");
        }
        int rows = (panels.length + columns - 1) / columns;
        int[] colW = new int[columns], rowH = new int[rows];
        for (int k = 0; k < panels.length; k++) {
            if (panels[k] != null) {
                colW[k % columns] = Math.max(colW[k % columns], panels[k].getWidth());
                rowH[k / columns] = Math.max(rowH[k / columns], panels[k].getHeight());
            }
        }
        int w = GAP * (columns + 1), h = GAP * (rows + 1);
        for (int c : colW) {
            w += c;
        }
        for (int r : rowH) {
            h += r;
        }
        BufferedImage out = blank(w, h);
        Graphics2D g = out.createGraphics();
        try {
            int y = GAP;
            for (int r = 0; r < rows; r++) {
                int x = GAP;
                for (int c = 0; c < columns; c++) {
                    int k = r * columns + c;
                    if (k < panels.length && panels[k] != null) {
                        g.drawImage(panels[k], x + (colW[c] - panels[k].getWidth()) / 2, y, null);
                    }
                    x += colW[c] + GAP;
                }
                y += rowH[r] + GAP;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A figure with a title line above it. */
    public static BufferedImage titled(String title, BufferedImage body) {
        int titleH = 34;
        BufferedImage out = blank(body.getWidth(), body.getHeight() + titleH);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(Fonts.title().deriveFont(18f));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(4, (body.getWidth() - fm.stringWidth(title)) / 2), 8 + fm.getAscent());
            g.drawImage(body, 0, titleH, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }
}
