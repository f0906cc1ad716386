package org.ionflux.internal.mechanism;

import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.WaterFlux;

/**
 * Osmotic water flux (docs/physics.md section 8): {@code dVol_in/dt = P_f A v_w (Osm_in - Osm_out)}, ideal osmolarity
 * {@code Osm = sum_X c_X}, and the opposite for the outside compartment. Scenario
 * {@code membranes.<m>.water_permeability: P_f}.
 */
public final class WaterTerm implements Term {

    private final int[] membrane;
    private final double[] waterPermeabilityMPerS;

    /** Collects the water-permeable membranes of {@code model}. */
    public WaterTerm(Model model) {
        int count = 0;
        for (int m = 0; m < model.membranes().size(); m++) {
            if (model.membranes().get(m).waterPermeabilityMPerS() > 0) {
                count++;
            }
        }
        membrane = new int[count];
        count = 0;
        for (int m = 0; m < model.membranes().size(); m++) {
            if (model.membranes().get(m).waterPermeabilityMPerS() > 0) {
                membrane[count++] = m;
            }
        }
        waterPermeabilityMPerS = new double[membrane.length];
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    /** The rate is the inside volume's rate of change, m^3/s. */
    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        out.volumeRate(view.inside(membrane[k]), 1.0);
        out.volumeRate(view.outside(membrane[k]), -1.0);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            waterPermeabilityMPerS[i] = inForce.membranes().get(membrane[i]).waterPermeabilityMPerS();
        }
    }

    private static double osmolarity(StateView view, int compartment) {
        int n = view.speciesCount();
        return WaterFlux.osmolarityMolPerM3(view.concentrations(), compartment * n, n);
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double dVol = WaterFlux.insideVolumeRateM3PerS(waterPermeabilityMPerS[i], view.areaM2(m),
                    osmolarity(view, in), osmolarity(view, outside));
            out.volumeRate(in, dVol);
            out.volumeRate(outside, -dVol);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double k = WaterFlux.insideVolumeRatePerOsmolarity(waterPermeabilityMPerS[i], view.areaM2(m));
            for (int s = 0; s < view.speciesCount(); s++) {
                out.volumeByConcentration(in, k, in, s);
                out.volumeByConcentration(outside, -k, in, s);
                out.volumeByConcentration(in, -k, outside, s);
                out.volumeByConcentration(outside, k, outside, s);
            }
        }
    }
}
