/**
 * Drawing, between the numbers and the report: {@link io.github.hypergrad4j.plot.LineChart} (XChart line
 * charts with NaN gaps, clipped ranges and log axes), {@link io.github.hypergrad4j.plot.ImageGrid} (images
 * such as digits or per-pixel penalties, drawn as real pixels with a {@link io.github.hypergrad4j.plot.ColourScale}
 * bar) and {@link io.github.hypergrad4j.plot.Panels} (several panels in one figure). Everything here returns
 * {@link java.awt.image.BufferedImage}s and writes no files; it needs no display (run with
 * {@code -Djava.awt.headless=true}) but it does need a font (Debian: {@code fonts-dejavu-core}).
 *
 * <p>Stage in the data flow: an experiment's numbers -&gt; here, figures -&gt; the report ({@code report}).
 */
package io.github.hypergrad4j.plot;
