/**
 * Internal (not API): scenario files (YAML or JSON) to a validated {@code model}: reading with limits, units,
 * one reader per section, the parameter-path grammar, and every problem reported with its file, field path, line
 * and column.
 */
package org.ionflux.internal.scenario;
