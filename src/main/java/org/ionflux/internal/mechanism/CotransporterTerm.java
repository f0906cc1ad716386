package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Transporter;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.Cotransporter;

/**
 * Cotransporters and exchangers (docs/physics.md sections 6 and 7): cycle flux density {@code j = L sum_X nu_X dmu_X / (R T)},
 * {@code J_X = nu_X j A}, current {@code F j sum_X nu_X z_X}; they stop exactly where the summed electrochemical
 * gradient vanishes. Scenario {@code transporters: [{name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: L}]}.
 */
public final class CotransporterTerm implements Term {

    private final String[] name;
    private final String[] partners;
    private final int[] membrane;
    private final int[] transporter;
    private final int[][] species;
    private final double[][] stoichiometry;
    private final double[][] valence;
    private final double[] chargePerCycle;
    private final double[] rateMolPerM2S;
    private final double[][] inside;
    private final double[][] outside;
    private final double[][] partialsIn;
    private final double[][] partialsOut;

    /** Collects the transporters of {@code model}, in membrane and transporter order. */
    public CotransporterTerm(Model model) {
        List<Placed<Transporter>> found = Placed.all(model, Membrane::transporters, Transporter.class);
        int n = found.size();
        membrane = Placed.membranes(found);
        transporter = Placed.indices(found);
        name = new String[n];
        partners = new String[n];
        species = new int[n][];
        stoichiometry = new double[n][];
        valence = new double[n][];
        chargePerCycle = new double[n];
        rateMolPerM2S = new double[n];
        inside = new double[n][];
        outside = new double[n][];
        partialsIn = new double[n][];
        partialsOut = new double[n][];
        for (int i = 0; i < n; i++) {
            Transporter t = found.get(i).mechanism();
            name[i] = t.name();
            species[i] = t.speciesIndices();
            stoichiometry[i] = t.stoichiometry();
            int len = species[i].length;
            valence[i] = new double[len];
            StringBuilder p = new StringBuilder();
            for (int j = 0; j < len; j++) {
                valence[i][j] = model.species().get(species[i][j]).charge();
                p.append(j == 0 ? "" : ":").append(model.species().get(species[i][j]).name());
            }
            partners[i] = p.toString();
            chargePerCycle[i] = Cotransporter.netChargePerCycle(stoichiometry[i], valence[i]);
            inside[i] = new double[len];
            outside[i] = new double[len];
            partialsIn[i] = new double[len];
            partialsOut[i] = new double[len];
        }
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    /** The rate is the cycle flux density: 1 mol/(m^2 s) moves {@code nu_X A} mol/s of each species. */
    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        int m = membrane[k];
        for (int j = 0; j < species[k].length; j++) {
            int s = species[k][j];
            out.species(m, s, Cotransporter.speciesFluxMolPerS(1.0, stoichiometry[k][j], view.areaM2(m)),
                    view.valence(s) * stoichiometry[k][j] * Constants.FARADAY_C_PER_MOL);
        }
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            rateMolPerM2S[i] = Placed.in(inForce, Membrane::transporters, membrane[i], transporter[i],
                    Transporter.class).rateMolPerM2S();
        }
    }

    /** Copies the concentrations of transporter i's species on both sides into its work arrays. */
    private void gather(StateView view, int i) {
        int m = membrane[i];
        int in = view.inside(m);
        int out = view.outside(m);
        for (int j = 0; j < species[i].length; j++) {
            inside[i][j] = view.concentration(in, species[i][j]);
            outside[i][j] = view.concentration(out, species[i][j]);
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            double[] nu = stoichiometry[i];
            gather(view, i);
            double cycleDensity = Cotransporter.cycleFluxDensityMolPerM2S(rateMolPerM2S[i], nu, valence[i],
                    inside[i], outside[i], view.potentialVolts(m), view.temperatureK());
            for (int j = 0; j < species[i].length; j++) {
                int s = species[i][j];
                out.species(m, s, Cotransporter.speciesFluxMolPerS(cycleDensity, nu[j], view.areaM2(m)),
                        view.valence(s) * nu[j] * Constants.FARADAY_C_PER_MOL * cycleDensity);
            }
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int[] sp = species[i];
            double[] nu = stoichiometry[i];
            double area = view.areaM2(m);
            int in = view.inside(m);
            int outside = view.outside(m);
            // the net current changes with the cycle rate; it is booked once, with the first species' flux
            double chargeCurrent = Constants.FARADAY_C_PER_MOL * chargePerCycle[i];
            gather(view, i);
            Cotransporter.cycleFluxPartialsInside(rateMolPerM2S[i], nu, inside[i], partialsIn[i]);
            Cotransporter.cycleFluxPartialsOutside(rateMolPerM2S[i], nu, this.outside[i], partialsOut[i]);
            for (int j = 0; j < sp.length; j++) {
                double dIn = partialsIn[i][j];
                double dOut = partialsOut[i][j];
                for (int k = 0; k < sp.length; k++) {
                    double current = k == 0 ? chargeCurrent : 0;
                    out.fluxByConcentration(m, sp[k], nu[k] * area * dIn, current * dIn, in, sp[j]);
                    out.fluxByConcentration(m, sp[k], nu[k] * area * dOut, current * dOut, outside, sp[j]);
                }
            }
            double dV = Cotransporter.cycleFluxPartialVoltage(rateMolPerM2S[i], nu, valence[i], view.temperatureK());
            for (int k = 0; k < sp.length; k++) {
                out.fluxByPotential(m, sp[k], nu[k] * area * dV, k == 0 ? chargeCurrent * dV : 0);
            }
        }
    }

    @Override
    public List<String> carrierSentences(int m, int s) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] != m) {
                continue;
            }
            for (int sj : species[i]) {
                if (sj == s) {
                    sentences.add(" Transporter " + name[i] + " (" + partners[i] + ") couples it to its partners: it "
                            + "runs down their summed electrochemical gradient, not its own.");
                }
            }
        }
        return sentences;
    }
}
