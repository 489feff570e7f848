package io.github.hypergrad4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of several series drawn with XChart. NaN values leave a gap in their line (a diverged
 * run, say); values outside a fixed {@link #yRange} run off the plot, which is clipped. Build it
 * fluently, then {@link #render} it.
 */
public final class LineChart {
    private record Series(String name, double[] x, double[] y, Color colour, boolean line, boolean markers,
            boolean inLegend, boolean dashed) {}

    private record Label(String text, double x, double y) {}

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private AxisRange yRange;
    private boolean logY;
    private boolean legend = true;
    private Styler.LegendPosition legendPosition = Styler.LegendPosition.InsideNE;
    private boolean markers = true;
    private final List<Series> series = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    private LineChart(String title) {
        this.title = title;
    }

    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    public LineChart axes(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        return this;
    }

    /** Fixes the y axis; values outside run off the plot. */
    public LineChart yRange(AxisRange range) {
        this.yRange = range;
        return this;
    }

    /**
     * A logarithmic y axis. Applied only if every finite value is positive, since a log axis cannot show
     * anything else.
     */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    public LineChart legend(boolean visible) {
        this.legend = visible;
        return this;
    }

    /**
     * Where the legend goes, by compass corner: "NE", "NW", "SE", "SW" (inside the plot), "outside" (to the
     * right of it) or "below" (under it, its entries in a row).
     */
    public LineChart legendAt(String corner) {
        switch (corner) {
            case "NE" -> legendPosition = Styler.LegendPosition.InsideNE;
            case "NW" -> legendPosition = Styler.LegendPosition.InsideNW;
            case "SE" -> legendPosition = Styler.LegendPosition.InsideSE;
            case "SW" -> legendPosition = Styler.LegendPosition.InsideSW;
            case "outside" -> legendPosition = Styler.LegendPosition.OutsideE;
            case "below" -> legendPosition = Styler.LegendPosition.OutsideS;
            default -> throw new IllegalArgumentException("legend corner must be NE, NW, SE, SW, outside or below: "
                    + corner);
        }
        return this;
    }

    /** Draw a marker at every point (default) or lines only. */
    public LineChart markers(boolean on) {
        this.markers = on;
        return this;
    }

    /** A line with the next categorical colour. */
    public LineChart series(String name, double[] x, double[] y) {
        return series(name, x, y, Palette.categorical(series.size()));
    }

    /** A line in the given colour. */
    public LineChart series(String name, double[] x, double[] y, Color colour) {
        return series(name, x, y, colour, true);
    }

    /** A line in the given colour, listed in the legend or not (e.g. the middle of a family of curves). */
    public LineChart series(String name, double[] x, double[] y, Color colour, boolean inLegend) {
        double[] ys = y.clone();
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) {
                ys[i] = Double.NaN; // XChart leaves a gap at NaN
            }
        }
        return add(new Series(name, x.clone(), ys, colour, true, markers, inLegend, false));
    }

    /** Markers without a line, e.g. where runs diverged. */
    public LineChart points(String name, double[] x, double[] y, Color colour) {
        return add(new Series(name, x.clone(), y.clone(), colour, false, true, true, false));
    }

    /** A dashed line without markers, e.g. a reference value or heuristic. */
    public LineChart dashed(String name, double[] x, double[] y, Color colour) {
        return add(new Series(name, x.clone(), y.clone(), colour, true, false, true, true));
    }

    /** A band between {@code lo} and {@code hi} (e.g. mean +- one standard deviation): two thin dashed lines, not in the legend. */
    public LineChart band(String name, double[] x, double[] lo, double[] hi, Color colour) {
        add(new Series(name + " (low)", x.clone(), finiteOrNaN(lo), colour, true, false, false, true));
        return add(new Series(name + " (high)", x.clone(), finiteOrNaN(hi), colour, true, false, false, true));
    }

    private static double[] finiteOrNaN(double[] y) {
        double[] ys = y.clone();
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) {
                ys[i] = Double.NaN;
            }
        }
        return ys;
    }

    /** A text centred at (x, y) in data coordinates, e.g. the true height of a value above a clipped axis. */
    public LineChart label(String text, double x, double y) {
        labels.add(new Label(text, x, y));
        return this;
    }

    private LineChart add(Series s) {
        if (s.x.length != s.y.length) {
            throw new IllegalArgumentException("series '" + s.name + "' has " + s.x.length + " x values and "
                    + s.y.length + " y values");
        }
        series.add(s);
        return this;
    }

    /** Draws the chart at the given size in pixels. */
    public BufferedImage render(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        style(chart.getStyler());
        Set<String> names = new HashSet<>();
        boolean anyDrawn = false;
        for (Series s : series) {
            double[][] finite = finitePoints(s);
            if (finite[0].length == 0 || !names.add(s.name)) {
                continue; // XChart cannot draw a series without points, nor two with one name
            }
            XYSeries xy = s.line ? chart.addSeries(s.name, s.x, s.y) : chart.addSeries(s.name, finite[0], finite[1]);
            xy.setLineColor(s.colour);
            xy.setMarkerColor(s.colour);
            xy.setMarker(s.markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            xy.setShowInLegend(s.inLegend);
            if (!s.line) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                xy.setLineStyle(s.dashed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f) : new BasicStroke(1.6f));
            }
            anyDrawn = true;
        }
        if (anyDrawn) {
            niceTicks(chart);
        } else {
            chart.addSeries("no finite values", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        XYStyler st = chart.getStyler();
        if (logY && allPositive()) {
            st.setYAxisLogarithmic(true);
        }
        if (yRange != null) {
            st.setYAxisMin(yRange.min());
            st.setYAxisMax(yRange.max());
        }
        for (Label l : labels) {
            chart.addAnnotation(new AnnotationText(l.text, l.x, l.y, false));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * XChart puts the x ticks on the data's x values whenever those are equally spaced, which gives labels
     * such as -2.5714285. An invisible point off that grid makes it choose round tick values instead.
     */
    private void niceTicks(XYChart chart) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        double y = Double.NaN;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i])) {
                    xs.add(s.x[i]);
                    if (Double.isNaN(y) && Double.isFinite(s.y[i])) {
                        y = s.y[i];
                    }
                }
            }
        }
        if (xs.size() < 3 || Double.isNaN(y)) {
            return;
        }
        double step = (xs.last() - xs.first()) / (xs.size() - 1);
        if (Math.abs(step - Math.rint(step)) < 1e-9 && xs.size() <= 30) {
            return; // a few integer steps (iteration numbers) label well as they are; many would overlap
        }
        double x = xs.first() + 0.37 * step;
        XYSeries anchor = chart.addSeries(" ", new double[] {x}, new double[] {y});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setShowInLegend(false);
    }

    private void style(XYStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.DARK_GRAY);
        st.setPlotGridLinesColor(new Color(0xe4e4e4));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(Fonts.title());
        st.setAxisTitleFont(Fonts.label());
        st.setAxisTickLabelsFont(Fonts.tick());
        st.setLegendFont(Fonts.tick());
        st.setLegendVisible(legend);
        st.setLegendPosition(legendPosition);
        if (legendPosition == Styler.LegendPosition.OutsideS) {
            st.setLegendLayout(Styler.LegendLayout.Horizontal);
        }
        st.setLegendBorderColor(Color.GRAY);
        st.setMarkerSize(5);
        st.setAnnotationTextFont(Fonts.tick());
        st.setAnnotationTextFontColor(Color.DARK_GRAY);
        st.setAntiAlias(true);
    }

    private static double[][] finitePoints(Series s) {
        int n = 0;
        for (int i = 0; i < s.x.length; i++) {
            if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                n++;
            }
        }
        double[] x = new double[n], y = new double[n];
        for (int i = 0, k = 0; i < s.x.length; i++) {
            if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                x[k] = s.x[i];
                y[k++] = s.y[i];
            }
        }
        return new double[][] {x, y};
    }

    private boolean allPositive() {
        for (Series s : series) {
            for (double v : s.y) {
                if (Double.isFinite(v) && v <= 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
