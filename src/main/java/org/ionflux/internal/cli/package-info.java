/**
 * Internal (not API): the {@code ionflux} command line (picocli): parses arguments, calls the workflows, prints
 * results and errors, and returns the exit codes (0 success, 1 failure, 2 bad input, 130 interrupted).
 */
package org.ionflux.internal.cli;
