/**
 * Internal (not API): what runs write and print: trace columns in output units, {@code trace.csv},
 * {@code summary.json}, plots, the {@code explain} text, and the output folders (a result is written beside its
 * destination and moved in when complete).
 */
package org.ionflux.internal.output;
