package io.github.hypergrad4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Images of equal size (digits, per-pixel penalties) in a grid, each drawn pixel for pixel (enlarged,
 * never smoothed) through a {@link ColourScale}, with a label under each image and a colour bar whose
 * ticks give the values.
 */
public final class ImageGrid {
    private static final int GAP = 10;
    private static final int MARGIN = 14;
    private static final int BAR_WIDTH = 16;

    private final double[][] images;
    private final int height;
    private final int width;
    private String title = "";
    private String[] labels;
    private int columns;
    private int zoom = 4;
    private ColourScale scale;
    private String scaleLabel = "";

    private ImageGrid(double[][] images, int height, int width) {
        for (double[] im : images) {
            if (im.length != height * width) {
                throw new IllegalArgumentException("an image has " + im.length + " values, expected " + height
                        + " x " + width);
            }
        }
        if (images.length == 0) {
            throw new IllegalArgumentException("an image grid needs at least one image");
        }
        this.images = images.clone();
        this.height = height;
        this.width = width;
        this.columns = images.length;
    }

    /** Images of {@code height x width} values each, row-major. */
    public static ImageGrid of(double[][] images, int height, int width) {
        return new ImageGrid(images, height, width);
    }

    public ImageGrid title(String title) {
        this.title = title;
        return this;
    }

    /** One label per image, drawn underneath it. */
    public ImageGrid labels(String... labels) {
        if (labels.length != images.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.length + " images");
        }
        this.labels = labels.clone();
        return this;
    }

    /** Images per row (default: all in one row). */
    public ImageGrid columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        this.columns = columns;
        return this;
    }

    /** Screen pixels per image pixel (default 4). */
    public ImageGrid zoom(int zoom) {
        if (zoom < 1) {
            throw new IllegalArgumentException("zoom must be >= 1, got " + zoom);
        }
        this.zoom = zoom;
        return this;
    }

    /** The colour scale and the name of the values it shows (default: greys over the data's range). */
    public ImageGrid scale(ColourScale scale, String label) {
        this.scale = scale;
        this.scaleLabel = label;
        return this;
    }

    /** Draws the grid. */
    public BufferedImage render() {
        ColourScale cs = scale != null ? scale : ColourScale.spanning(ColourScale.Map.GREYS, images, false);
        int rows = (images.length + columns - 1) / columns;
        int tileW = width * zoom, tileH = height * zoom;
        int labelH = labels == null ? 0 : 18;
        int titleH = title.isEmpty() ? 0 : 28;
        int gridW = columns * tileW + (columns - 1) * GAP;
        int gridH = rows * (tileH + labelH) + (rows - 1) * GAP;
        int barArea = BAR_WIDTH + 12 + 70 + (scaleLabel.isEmpty() ? 0 : 22);
        int totalW = MARGIN + gridW + 20 + barArea + MARGIN;
        int totalH = MARGIN + titleH + gridH + MARGIN;
        BufferedImage out = new BufferedImage(totalW, totalH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, totalW, totalH);
            g.setColor(Color.BLACK);
            if (!title.isEmpty()) {
                g.setFont(Fonts.title());
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title, MARGIN + (gridW - fm.stringWidth(title)) / 2, MARGIN + fm.getAscent());
            }
            int top = MARGIN + titleH;
            g.setFont(Fonts.label());
            for (int k = 0; k < images.length; k++) {
                int x0 = MARGIN + (k % columns) * (tileW + GAP);
                int y0 = top + (k / columns) * (tileH + labelH + GAP);
                g.drawImage(tile(images[k], cs), x0, y0, tileW, tileH, null);
                g.setColor(Color.GRAY);
                g.drawRect(x0 - 1, y0 - 1, tileW + 1, tileH + 1);
                if (labels != null) {
                    g.setColor(Color.BLACK);
                    FontMetrics fm = g.getFontMetrics();
                    g.drawString(labels[k], x0 + (tileW - fm.stringWidth(labels[k])) / 2, y0 + tileH + fm.getAscent() + 2);
                }
            }
            colourBar(g, cs, MARGIN + gridW + 20, top, Math.max(gridH - labelH, 60));
        } finally {
            g.dispose();
        }
        return out;
    }

    /** One image at one screen pixel per value; drawImage enlarges it without interpolation. */
    private BufferedImage tile(double[] values, ColourScale cs) {
        BufferedImage im = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                im.setRGB(c, r, cs.colour(values[r * width + c]).getRGB());
            }
        }
        return im;
    }

    private void colourBar(Graphics2D g, ColourScale cs, int x, int y, int h) {
        for (int i = 0; i < h; i++) {
            double t = 1 - (double) i / (h - 1);
            g.setColor(cs.map().colour(t));
            g.fillRect(x, y + i, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, BAR_WIDTH, h - 1);
        g.setFont(Fonts.tick());
        FontMetrics fm = g.getFontMetrics();
        int ticks = 5;
        for (int k = 0; k < ticks; k++) {
            double t = (double) k / (ticks - 1);
            double v = cs.min() + t * (cs.max() - cs.min());
            int ty = y + (int) Math.round((1 - t) * (h - 1));
            g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + 4, ty);
            g.drawString(tickLabel(v), x + BAR_WIDTH + 7, ty + fm.getAscent() / 2 - 1);
        }
        if (!scaleLabel.isEmpty()) {
            Graphics2D r = (Graphics2D) g.create();
            r.setFont(Fonts.label());
            FontMetrics lm = r.getFontMetrics();
            r.translate(x + BAR_WIDTH + 82, y + (h + lm.stringWidth(scaleLabel)) / 2);
            r.rotate(-Math.PI / 2);
            r.drawString(scaleLabel, 0, 0);
            r.dispose();
        }
    }

    static String tickLabel(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e-2 && a < 1e4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
