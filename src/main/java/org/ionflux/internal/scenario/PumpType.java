package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Pump;

/**
 * One kind of pump under {@code pumps:}, told apart by its {@code type}: its keys and how to read one. A new pump
 * type is a class implementing this plus one line in {@link PumpsReader#TYPES}.
 */
interface PumpType {

    /** @return the value of {@code type} that selects this kind, e.g. {@code na-k-atpase} */
    String name();

    /** @return every key a pump of this kind takes, {@code type} included */
    Set<String> keys();

    /**
     * Reads one pump's parameters; its keys are already checked against {@link #keys()} and its type read.
     *
     * @param fields   reports problems, located in the file
     * @param pump     the pump's mapping
     * @param path     its path, e.g. {@code membranes.plasma.pumps[0]}
     * @param ions     the declared ions and their charges, in file order (a pump acts on ions found here by name)
     * @return the pump in SI units, or null after a problem
     */
    Pump read(Fields fields, JsonNode pump, String path, Map<String, Double> ions);

    /**
     * Finds the ion a pump moves and checks its charge.
     *
     * @return its index among the ions, or -1 after a problem naming the pump's path
     */
    static int ion(Fields fields, String path, Map<String, Double> ions, String name, double charge, String pump) {
        List<String> names = List.copyOf(ions.keySet());
        int index = names.indexOf(name);
        if (index < 0) {
            fields.problem(path, pump + " moves the ion named '" + name + "': declare it under 'ions' with charge "
                    + (long) charge);
        } else if (ions.get(name) != charge) {
            fields.problem(path, pump + " moves " + name + " with charge " + (long) charge + ", but 'ions." + name
                    + ".charge' is " + ions.get(name));
            return -1;
        }
        return index;
    }
}
