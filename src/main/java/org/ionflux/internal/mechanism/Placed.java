package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;

/**
 * A mechanism of one kind and where it sits: its membrane, and its position in that membrane's list
 * ({@code channels}, {@code pumps} or {@code transporters}), which is how events and parameter paths name it.
 *
 * @param membrane  the membrane's index
 * @param index     its position in the membrane's list
 * @param mechanism the mechanism as the model holds it
 * @param <T>       the mechanism kind
 */
record Placed<T>(int membrane, int index, T mechanism) {

    /** @return every mechanism of {@code kind} in {@code model}'s lists, in membrane order, then list order */
    static <T> List<Placed<T>> all(Model model, Function<Membrane, List<?>> list, Class<T> kind) {
        List<Placed<T>> found = new ArrayList<>();
        for (int m = 0; m < model.membranes().size(); m++) {
            List<?> mechanisms = list.apply(model.membranes().get(m));
            for (int k = 0; k < mechanisms.size(); k++) {
                if (kind.isInstance(mechanisms.get(k))) {
                    found.add(new Placed<>(m, k, kind.cast(mechanisms.get(k))));
                }
            }
        }
        return found;
    }

    /** @return the membranes of {@code placed}, in order */
    static int[] membranes(List<? extends Placed<?>> placed) {
        int[] out = new int[placed.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = placed.get(i).membrane();
        }
        return out;
    }

    /** @return the list positions of {@code placed}, in order */
    static int[] indices(List<? extends Placed<?>> placed) {
        int[] out = new int[placed.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = placed.get(i).index();
        }
        return out;
    }

    /**
     * @return {@code value} of each mechanism of {@code placed}, in order (a loop: the terms are built for every
     *     run and steady state, and streams cost more than the rest of a small model's set-up)
     */
    static <T> int[] ints(List<Placed<T>> placed, java.util.function.ToIntFunction<T> value) {
        int[] out = new int[placed.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.applyAsInt(placed.get(i).mechanism());
        }
        return out;
    }

    /** @return the mechanism at ({@code membrane}, {@code index}) of {@code list} in {@code model}, as {@code kind} */
    static <T> T in(Model model, Function<Membrane, List<?>> list, int membrane, int index, Class<T> kind) {
        return kind.cast(list.apply(model.membranes().get(membrane)).get(index));
    }
}
