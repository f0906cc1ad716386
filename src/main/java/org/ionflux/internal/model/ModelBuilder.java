package org.ionflux.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ionflux.internal.physics.Constants;

/**
 * Fluent builder for models made in code (benchmarks, tests, parameter sweeps). All values SI.
 *
 * <pre>{@code
 * Model m = Model.builder("demo").temperatureCelsius(20)
 *     .ion("Cl", -1)
 *     .compartment("cell", 2e-15).concentration("Cl", 13).done()
 *     .bath("bath").concentration("Cl", 130).done()
 *     .membrane("plasma", "cell", "bath", 1000e-12).clampVolts(-0.070).ohmic("Cl", 0.5).done()
 *     .run(600, 1)
 *     .build();
 * }</pre>
 */
public final class ModelBuilder {

    private final String name;
    private String description = "";
    private double temperatureK = Constants.ZERO_CELSIUS_K + 37.0;
    private final Map<String, Double> ions = new LinkedHashMap<>();
    private final List<CompartmentBuilder> compartments = new ArrayList<>();
    private final List<MembraneBuilder> membranes = new ArrayList<>();
    private double durationS = Double.NaN;
    private double outputIntervalS = Double.NaN;
    private SolverKind solver = SolverKind.DEFAULT;
    private double rtol = SimulationSettings.DEFAULT_RTOL;
    private double atol = SimulationSettings.DEFAULT_ATOL;
    private double fixedStepS = Double.NaN;
    private List<String> record = List.of();
    private final List<StimulusSpec> stimuli = new ArrayList<>();

    ModelBuilder(String name) {
        this.name = name;
    }

    /** Sets a free-text description. */
    public ModelBuilder description(String text) {
        this.description = text;
        return this;
    }

    /** Sets the temperature, degrees Celsius (default 37). */
    public ModelBuilder temperatureCelsius(double celsius) {
        this.temperatureK = Constants.ZERO_CELSIUS_K + celsius;
        return this;
    }

    /** Sets the temperature, K. */
    public ModelBuilder temperatureKelvin(double kelvin) {
        this.temperatureK = kelvin;
        return this;
    }

    /** Adds a species with valence {@code charge}. */
    public ModelBuilder ion(String ionName, double charge) {
        ions.put(ionName, charge);
        return this;
    }

    /** Starts a compartment of {@code volumeM3} (m^3). */
    public CompartmentBuilder compartment(String compartmentName, double volumeM3) {
        CompartmentBuilder b = new CompartmentBuilder(compartmentName, volumeM3, false);
        compartments.add(b);
        return b;
    }

    /** Starts a clamped bath (its volume only sets the scale of its tolerances: 1 mL). */
    public CompartmentBuilder bath(String compartmentName) {
        CompartmentBuilder b = new CompartmentBuilder(compartmentName, 1e-6, true);
        compartments.add(b);
        return b;
    }

    /** Starts a membrane of {@code areaM2} (m^2) between two named compartments. */
    public MembraneBuilder membrane(String membraneName, String inside, String outside, double areaM2) {
        MembraneBuilder b = new MembraneBuilder(membraneName, inside, outside, areaM2);
        membranes.add(b);
        return b;
    }

    /** Sets the duration and output interval, s. */
    public ModelBuilder run(double newDurationS, double newOutputIntervalS) {
        this.durationS = newDurationS;
        this.outputIntervalS = newOutputIntervalS;
        return this;
    }

    /** Sets the solver and tolerances (atol in output units). */
    public ModelBuilder solver(SolverKind kind, double relativeTolerance, double absoluteTolerance) {
        this.solver = kind;
        this.rtol = relativeTolerance;
        this.atol = absoluteTolerance;
        return this;
    }

    /** Sets the step of a fixed-step solver, s. */
    public ModelBuilder fixedStep(double stepS) {
        this.fixedStepS = stepS;
        return this;
    }

    /** Records only the trace columns matching these glob patterns. */
    public ModelBuilder record(List<String> patterns) {
        this.record = List.copyOf(patterns);
        return this;
    }

    /** Adds a current pulse (A/m^2, positive depolarizing) on a dynamic membrane over [start, start + duration). */
    public ModelBuilder stimulus(String membrane, double startS, double durationS, double amplitudeAPerM2) {
        stimuli.add(new StimulusSpec(membrane, startS, durationS, amplitudeAPerM2));
        return this;
    }

    /** @return the validated model */
    public Model build() {
        List<Species> species = new ArrayList<>();
        List<String> ionNames = new ArrayList<>(ions.keySet());
        ions.forEach((n, z) -> species.add(new Species(n, z)));
        List<String> compartmentNames = compartments.stream().map(c -> c.name).toList();
        List<Compartment> built = new ArrayList<>();
        for (CompartmentBuilder c : compartments) {
            double[] conc = new double[species.size()];
            c.concentrations.forEach((ion, value) -> conc[indexOf(ionNames, ion, "ion")] = value);
            built.add(new Compartment(c.name, c.volumeM3, conc, c.clamped));
        }
        List<Membrane> builtMembranes = new ArrayList<>();
        for (MembraneBuilder m : membranes) {
            List<Channel> channels = m.channels.stream().map(f -> f.apply(ionNames)).toList();
            List<Pump> pumps = m.pumps.stream().map(f -> f.apply(ionNames)).toList();
            List<Transporter> transporters = m.transporters.stream().map(f -> f.apply(ionNames)).toList();
            builtMembranes.add(new Membrane(m.name, indexOf(compartmentNames, m.inside, "compartment"),
                    indexOf(compartmentNames, m.outside, "compartment"), m.areaM2, m.capacitanceFPerM2,
                    m.potential, channels, pumps, transporters, m.waterPermeabilityMPerS));
        }
        List<String> membraneNames = membranes.stream().map(m -> m.name).toList();
        List<Stimulus> builtStimuli = new ArrayList<>();
        for (StimulusSpec st : stimuli) {
            builtStimuli.add(new Stimulus(indexOf(membraneNames, st.membrane(), "membrane"), st.startS(),
                    st.durationS(), st.amplitudeAPerM2()));
        }
        SimulationSettings settings = new SimulationSettings(durationS, outputIntervalS, solver, rtol, atol,
                fixedStepS, record);
        return new Model(name, description, temperatureK, species, built, builtMembranes, builtStimuli, List.of(),
                settings);
    }

    private static int indexOf(List<String> names, String n, String what) {
        int i = names.indexOf(n);
        if (i < 0) {
            throw new IllegalArgumentException("unknown " + what + " " + n);
        }
        return i;
    }

    private record StimulusSpec(String membrane, double startS, double durationS, double amplitudeAPerM2) {
    }

    /** Builds one compartment; {@link #done()} returns to the model. */
    public final class CompartmentBuilder {
        private final String name;
        private final double volumeM3;
        private final boolean clamped;
        private final Map<String, Double> concentrations = new LinkedHashMap<>();

        private CompartmentBuilder(String name, double volumeM3, boolean clamped) {
            this.name = name;
            this.volumeM3 = volumeM3;
            this.clamped = clamped;
        }

        /** Sets the initial concentration of an ion, mol/m^3 (= mM). */
        public CompartmentBuilder concentration(String ion, double molPerM3) {
            concentrations.put(ion, molPerM3);
            return this;
        }

        /** @return the model builder */
        public ModelBuilder done() {
            return ModelBuilder.this;
        }
    }

    /** Builds one membrane; {@link #done()} returns to the model. */
    public final class MembraneBuilder {
        private final String name;
        private final String inside;
        private final String outside;
        private final double areaM2;
        private double capacitanceFPerM2 = 1e-2;
        private PotentialProtocol potential = PotentialProtocol.Clamp.constant(0.0);
        private final List<Function<List<String>, Channel>> channels = new ArrayList<>();
        private final List<Function<List<String>, Pump>> pumps = new ArrayList<>();
        private final List<Function<List<String>, Transporter>> transporters = new ArrayList<>();
        private double waterPermeabilityMPerS;

        private MembraneBuilder(String name, String inside, String outside, double areaM2) {
            this.name = name;
            this.inside = inside;
            this.outside = outside;
            this.areaM2 = areaM2;
        }

        /** Sets the specific capacitance, F/m^2 (default 0.01 = 1 uF/cm^2). */
        public MembraneBuilder capacitance(double faradPerM2) {
            this.capacitanceFPerM2 = faradPerM2;
            return this;
        }

        /** Clamps the potential at {@code volts}. */
        public MembraneBuilder clampVolts(double volts) {
            this.potential = PotentialProtocol.Clamp.constant(volts);
            return this;
        }

        /** Clamps the potential to piecewise-constant steps (times s, values V). */
        public MembraneBuilder clampSteps(double[] timesS, double[] volts) {
            this.potential = new PotentialProtocol.Clamp(timesS, volts);
            return this;
        }

        /** Lets the potential evolve from {@code initialVolts}. */
        public MembraneBuilder dynamic(double initialVolts) {
            this.potential = new PotentialProtocol.Dynamic(initialVolts);
            return this;
        }

        /** Adds an ohmic channel, conductance density S/m^2. */
        public MembraneBuilder ohmic(String ion, double conductanceSPerM2) {
            channels.add(names -> new Channel.Ohmic(indexOf(names, ion, "ion"), conductanceSPerM2));
            return this;
        }

        /** Adds a GHK channel, permeability m/s. */
        public MembraneBuilder ghk(String ion, double permeabilityMPerS) {
            channels.add(names -> new Channel.Ghk(indexOf(names, ion, "ion"), permeabilityMPerS));
            return this;
        }

        /** Adds a Hodgkin-Huxley gated channel, maximal conductance density S/m^2. */
        public MembraneBuilder gated(String ion, double maxConductanceSPerM2,
                                     org.ionflux.internal.physics.HodgkinHuxleyKinetics kinetics) {
            channels.add(names -> new Channel.Gated(indexOf(names, ion, "ion"), maxConductanceSPerM2, kinetics));
            return this;
        }

        /** Adds a non-specific leak, conductance density S/m^2, reversal V. */
        public MembraneBuilder leak(double conductanceSPerM2, double reversalVolts) {
            channels.add(names -> new Channel.Leak(conductanceSPerM2, reversalVolts));
            return this;
        }

        /** Adds a Na/K-ATPase (I_max A/m^2, km mol/m^3) acting on the ions named Na and K. */
        public MembraneBuilder pump(double maxCurrentAPerM2, double kmSodiumMolPerM3, double kmPotassiumMolPerM3) {
            pumps.add(names -> new Pump.NaK(maxCurrentAPerM2, kmSodiumMolPerM3, kmPotassiumMolPerM3,
                    indexOf(names, "Na", "ion"), indexOf(names, "K", "ion")));
            return this;
        }

        /** Adds a cotransporter: stoichiometry per ion (outward positive), rate mol/(m^2 s). */
        public MembraneBuilder transporter(String transporterName, Map<String, Double> stoichiometry,
                                           double rateMolPerM2S) {
            Map<String, Double> copy = new LinkedHashMap<>(stoichiometry);
            transporters.add(names -> new Transporter(transporterName,
                    copy.keySet().stream().mapToInt(ion -> indexOf(names, ion, "ion")).toArray(),
                    copy.values().stream().mapToDouble(Double::doubleValue).toArray(), rateMolPerM2S));
            return this;
        }

        /** Sets the osmotic water permeability, m/s. */
        public MembraneBuilder waterPermeability(double metersPerSecond) {
            this.waterPermeabilityMPerS = metersPerSecond;
            return this;
        }

        /** @return the model builder */
        public ModelBuilder done() {
            return ModelBuilder.this;
        }
    }
}
