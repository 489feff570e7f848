package io.github.hypergrad4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PlotTest {

    @Test
    void runsHeadlessWithAFontThatDrawsText() {
        assertThat(GraphicsEnvironment.isHeadless()).as("tests run with -Djava.awt.headless=true").isTrue();
        BufferedImage title = Panels.titled("Loss vs scale", new BufferedImage(300, 10, BufferedImage.TYPE_INT_RGB));
        assertThat(darkPixels(title, 0, 0, 300, 30)).as("title text pixels (install fonts-dejavu-core)").isGreaterThan(30);
    }

    @Test
    void lineChartDrawsGapsAndClipsOutliers() {
        double[] x = {0, 1, 2, 3, 4};
        BufferedImage im = LineChart.titled("t").axes("x", "y")
                .series("a", x, new double[] {1, Double.NaN, 3, 1e9, Double.NEGATIVE_INFINITY})
                .series("b", x, new double[] {2, 2, 2, 2, 2}).yRange(new AxisRange(0, 5))
                .points("diverged", new double[] {4}, new double[] {0.2}, Color.BLACK).render(400, 300);
        assertThat(im.getWidth()).isEqualTo(400);
        assertThat(im.getHeight()).isEqualTo(300);
    }

    @Test
    void logAxisOnlyWhenAllValuesArePositive() {
        double[] x = {0, 1, 2};
        LineChart.titled("t").series("a", x, new double[] {-1, 0, 1}).logY().render(200, 150);
        LineChart.titled("t").series("a", x, new double[] {0.1, 10, 1000}).logY().render(200, 150);
        LineChart.titled("t").series("all NaN", x, new double[] {Double.NaN, Double.NaN, Double.NaN}).render(200, 150);
    }

    @Test
    void imageGridDrawsEveryPixelThroughTheColourScale() {
        double[][] images = {{0, 1, 1, 0}, {0.5, 0.5, 0.5, 0.5}};
        ColourScale scale = new ColourScale(ColourScale.Map.GREYS, 0, 1);
        BufferedImage im = ImageGrid.of(images, 2, 2).labels("a", "b").zoom(10).scale(scale, "value").render();
        // First tile starts at the margin (14, 14); its top-left pixel is 0 (black), the next one 1 (white).
        assertThat(new Color(im.getRGB(14 + 5, 14 + 5))).isEqualTo(Color.BLACK);
        assertThat(new Color(im.getRGB(14 + 15, 14 + 5))).isEqualTo(Color.WHITE);
        assertThatThrownBy(() -> ImageGrid.of(images, 3, 3)).hasMessageContaining("expected 3 x 3");
    }

    @Test
    void colourScaleClampsAndMarksNaN() {
        ColourScale s = ColourScale.spanning(ColourScale.Map.DIVERGING, new double[][] {{-2, 1}}, true);
        assertThat(s.min()).isEqualTo(-2);
        assertThat(s.max()).isEqualTo(2);
        assertThat(s.colour(-5)).isEqualTo(s.colour(-2));
        assertThat(s.colour(Double.NaN)).isEqualTo(ColourScale.NOT_A_NUMBER);
        assertThat(ColourScale.Map.GREYS.colour(0.5)).isEqualTo(new Color(128, 128, 128));
    }

    @Test
    void robustRangeIgnoresChaoticOutliersButKeepsZero() {
        double[][] v = {{0.1, 0.2, 0.3, 0.25, 0.15, 0.2, 5e4, -3e5}};
        AxisRange r = AxisRange.robust(v, 8, 0.25);
        assertThat(r.min()).isLessThanOrEqualTo(0).isGreaterThan(-10);
        assertThat(r.max()).isGreaterThan(0.3).isLessThan(10);
    }

    @Test
    void panelsKeepEveryPanel() {
        BufferedImage a = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        BufferedImage g = Panels.grid(2, a, b, a);
        assertThat(g.getWidth()).isGreaterThanOrEqualTo(160);
        assertThat(g.getHeight()).isGreaterThanOrEqualTo(130);
    }

    private static int darkPixels(BufferedImage im, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < Math.min(y0 + h, im.getHeight()); y++) {
            for (int x = x0; x < Math.min(x0 + w, im.getWidth()); x++) {
                Color c = new Color(im.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    n++;
                }
            }
        }
        return n;
    }
}
