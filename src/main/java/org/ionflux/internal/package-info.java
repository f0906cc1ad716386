/**
 * The engine's internals: not part of the public API (use {@code org.ionflux}); names here may change in any
 * release. Data flows one way through the subpackages: {@code scenario} (files to a model) -> {@code model}
 * (immutable SI data) -> {@code physics} (formulas) -> {@code mechanism} (terms of the equations) ->
 * {@code solver} (state, integrators) -> {@code output} (files) -> {@code workflow} (what the commands do) ->
 * {@code cli}.
 */
package org.ionflux.internal;
