/** The HTML report of a run ({@code report.html}): one self-contained page, plots inline as SVG. */
package org.ionflux.internal.output.report;
