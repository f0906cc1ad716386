package org.ionflux.internal.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable simulation model: everything the engine needs, in SI units.
 *
 * <p>Build one from a scenario file ({@code org.ionflux.internal.scenario.ScenarioReader}) or in code with
 * {@link #builder(String)}.
 *
 * @param name         scenario name
 * @param description  free text (may be empty)
 * @param temperatureK absolute temperature, K
 * @param species      species, in scenario order
 * @param compartments compartments, in scenario order
 * @param membranes    membranes, in scenario order; they form a forest
 * @param stimuli      current pulses, in scenario order
 * @param events       parameter changes, in time order
 * @param settings     how to run it
 */
public record Model(String name, String description, double temperatureK, List<Species> species,
                    List<Compartment> compartments, List<Membrane> membranes, List<Stimulus> stimuli,
                    List<Event> events, SimulationSettings settings) {

    /** A model without stimuli or events. */
    public Model(String name, String description, double temperatureK, List<Species> species,
                 List<Compartment> compartments, List<Membrane> membranes, SimulationSettings settings) {
        this(name, description, temperatureK, species, compartments, membranes, List.of(), List.of(), settings);
    }

    /** Checks cross-references and that the membranes form a forest. */
    public Model {
        species = List.copyOf(species);
        compartments = List.copyOf(compartments);
        membranes = List.copyOf(membranes);
        stimuli = List.copyOf(stimuli);
        events = events.isEmpty() ? List.of()
                : events.stream().sorted(java.util.Comparator.comparingDouble(Event::atS)).toList();
        for (Stimulus st : stimuli) {
            checkIndex(st.membraneIndex(), membranes.size(), "stimulus");
            if (!membranes.get(st.membraneIndex()).isDynamic()) {
                throw new IllegalArgumentException("a stimulus needs a dynamic membrane");
            }
        }
        Checks.positiveFinite(temperatureK, "temperature");
        // loops, not streams: steady and every run build models
        Set<String> names = new HashSet<>();
        for (Species s : species) {
            requireUnique(names, s.name(), "ion");
        }
        names.clear();
        for (Compartment c : compartments) {
            requireUnique(names, c.name(), "compartment");
        }
        names.clear();
        for (Membrane m : membranes) {
            requireUnique(names, m.name(), "membrane");
        }
        for (Compartment c : compartments) {
            if (c.concentrationsMolPerM3().length != species.size()) {
                throw new IllegalArgumentException("compartment " + c.name() + " needs one concentration per ion");
            }
        }
        int[] root = new int[compartments.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (Membrane m : membranes) {
            checkIndex(m.insideIndex(), compartments.size(), m.name());
            checkIndex(m.outsideIndex(), compartments.size(), m.name());
            // loops, not m.mechanisms(): steady builds models of a thousand membranes
            for (Channel ch : m.channels()) {
                checkMoved(ch, species.size(), m.name());
            }
            for (Pump p : m.pumps()) {
                checkMoved(p, species.size(), m.name());
            }
            for (Transporter t : m.transporters()) {
                checkMoved(t, species.size(), m.name());
            }
            int a = find(root, m.insideIndex());
            int b = find(root, m.outsideIndex());
            if (a == b) {
                throw new IllegalArgumentException("membrane " + m.name() + " closes a cycle of membranes");
            }
            root[a] = b;
        }
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    private static void checkMoved(Mechanism mech, int speciesCount, String where) {
        for (int s : mech.movedSpecies()) {
            checkIndex(s, speciesCount, where);
        }
    }

    private static void checkIndex(int index, int size, String where) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " out of range in " + where);
        }
    }

    private static void requireUnique(Set<String> seen, String name, String what) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("duplicate " + what + " name " + name);
        }
    }

    /** @return a fluent builder for a model built in code */
    public static ModelBuilder builder(String name) {
        return new ModelBuilder(name);
    }

    /** @return the index of the species with that name, if any */
    public Optional<Integer> speciesIndex(String speciesName) {
        for (int i = 0; i < species.size(); i++) {
            if (species.get(i).name().equals(speciesName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** @return the index of the compartment with that name, if any */
    public Optional<Integer> compartmentIndex(String compartmentName) {
        for (int i = 0; i < compartments.size(); i++) {
            if (compartments.get(i).name().equals(compartmentName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** @return true if any membrane is in dynamic mode */
    public boolean hasDynamicPotential() {
        return membranes.stream().anyMatch(Membrane::isDynamic);
    }

    /** @return a copy with other settings */
    public Model withSettings(SimulationSettings newSettings) {
        return new Model(name, description, temperatureK, species, compartments, membranes, stimuli, events,
                newSettings);
    }

    /** @return a copy with other membranes (same structure) */
    public Model withMembranes(List<Membrane> newMembranes) {
        return new Model(name, description, temperatureK, species, compartments, newMembranes, stimuli, events,
                settings);
    }

    /** @return a copy with membrane {@code index} replaced (same structure: same compartments and mechanisms) */
    public Model withMembrane(int index, Membrane membrane) {
        List<Membrane> list = new java.util.ArrayList<>(membranes);
        list.set(index, membrane);
        return withMembranes(list);
    }

    /** @return a copy with compartment {@code index} replaced */
    public Model withCompartment(int index, Compartment compartment) {
        List<Compartment> list = new java.util.ArrayList<>(compartments);
        list.set(index, compartment);
        return new Model(name, description, temperatureK, species, list, membranes, stimuli, events, settings);
    }

    /**
     * @return the parameters in force from {@code timeS} on: this model with every event at or before
     *     {@code timeS} (within {@code toleranceS}) applied in time order, and no events left
     */
    public Model atTime(double timeS, double toleranceS) {
        Model result = withEvents(List.of());
        for (Event e : events) {
            if (e.atS() <= timeS + toleranceS) {
                result = e.applyTo(result, toleranceS);
            }
        }
        return result;
    }

    /** @return a copy with other events */
    public Model withEvents(List<Event> newEvents) {
        return new Model(name, description, temperatureK, species, compartments, membranes, stimuli, newEvents,
                settings);
    }

    /** @return the temperature, degrees Celsius */
    public double temperatureCelsius() {
        return temperatureK - org.ionflux.internal.physics.Constants.ZERO_CELSIUS_K;
    }
}
