/**
 * Plots drawn without a chart library's tick logic: figures as data ({@link org.ionflux.internal.output.plot.Figure},
 * built from a trace by {@link org.ionflux.internal.output.plot.RunFigures}), ticks and labels computed by
 * {@link org.ionflux.internal.output.plot.Ticks}, laid out and drawn once for PNG (Java2D) and SVG (for the HTML
 * report) by {@link org.ionflux.internal.output.plot.FigureRenderer}.
 */
package org.ionflux.internal.output.plot;
