package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;

/**
 * Reads a membrane's {@code channels}: ohmic, GHK, Hodgkin-Huxley gated and non-specific leaks, and checks that an
 * ohmic channel's ion is charged and present on both sides (else its E_X is infinite).
 */
final class ChannelsReader {

    private static final Set<String> CHANNEL_KEYS = Set.of("ion", "conductance", "permeability", "gating", "leak",
            "reversal");

    private final Fields fields;

    ChannelsReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param mem          the membrane's mapping
     * @param membranePath its path
     * @param inside       index of the inside compartment, or -1
     * @param outside      index of the outside compartment, or -1
     * @return the channels in file order (empty when none), or null after a problem
     */
    List<Channel> read(JsonNode mem, String membranePath, List<String> ionNames, List<Compartment> compartments,
                       int inside, int outside) {
        List<Channel> channels = new ArrayList<>();
        JsonNode list = mem.get("channels");
        String path = membranePath + ".channels";
        if (list == null || list.isNull()) {
            return channels;
        }
        if (!list.isArray()) {
            fields.problem(path, "expected a list of channels, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        Set<String> gatedSeen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String chPath = path + "[" + i + "]";
            JsonNode ch = list.get(i);
            if (!ch.isObject()) {
                fields.problem(chPath, "expected a channel like '{ion: K, conductance: 0.1 mS/cm^2}', found "
                        + Fields.describe(ch));
                ok = false;
                continue;
            }
            fields.checkKeys(ch, chPath, CHANNEL_KEYS);
            if (fields.bool(ch, chPath, "leak", false)) {
                Channel leak = readLeak(ch, chPath);
                if (leak == null) {
                    ok = false;
                } else {
                    channels.add(leak);
                }
                continue;
            }
            fields.forbid(ch, chPath, "reversal", "only a non-specific leak ({leak: true, conductance, reversal}) "
                    + "takes 'reversal'; an ion channel reverses at E_X");
            String ion = fields.string(ch, chPath, "ion", true);
            int s = ion == null ? -1 : ionNames.indexOf(ion);
            if (ion != null && s < 0) {
                fields.problem(chPath + ".ion", "'" + ion + "' is not a declared ion"
                        + Spelling.suggestion(ion, ionNames));
            }
            boolean hasG = Fields.present(ch, "conductance");
            boolean hasP = Fields.present(ch, "permeability");
            HodgkinHuxleyKinetics gating = null;
            String gatingName = fields.string(ch, chPath, "gating", false);
            if (gatingName != null) {
                try {
                    gating = HodgkinHuxleyKinetics.fromId(gatingName);
                } catch (IllegalArgumentException unknown) {
                    List<String> known = Arrays.stream(HodgkinHuxleyKinetics.values())
                            .map(HodgkinHuxleyKinetics::id).toList();
                    fields.problem(chPath + ".gating", "unknown gating kinetics '" + gatingName + "'"
                            + Spelling.suggestion(gatingName, known) + "; expected one of " + String.join(", ", known));
                    ok = false;
                    continue;
                }
                if (hasP) {
                    fields.problem(chPath + ".permeability", "a gated channel is ohmic: give 'conductance' (gbar), not "
                            + "'permeability'");
                    ok = false;
                    continue;
                }
                if (s >= 0 && !gatedSeen.add(ion + "/" + gatingName)) {
                    fields.problem(chPath + ".gating", "a second " + gatingName + " channel for '" + ion + "' on this "
                            + "membrane would give the same gate columns; merge them into one");
                }
            }
            if (hasG == hasP) {
                if (hasG || !fields.misspelled(chPath + ".conductance") && !fields.misspelled(chPath
                        + ".permeability")) {
                    fields.problem(chPath, "a channel needs exactly one of 'conductance' (ohmic) or 'permeability' "
                            + "(GHK)");
                }
                ok = false;
                continue;
            }
            if (hasG) {
                double g = fields.quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
                fields.nonNegative(chPath + ".conductance", g, "conductance");
                if (s >= 0) {
                    checkOhmicSpecies(chPath, ion, s, compartments, inside, outside);
                }
                if (s >= 0 && g >= 0 && Double.isFinite(g)) {
                    channels.add(gating != null ? new Channel.Gated(s, g, gating) : new Channel.Ohmic(s, g));
                } else {
                    ok = false;
                }
            } else {
                double p = fields.quantity(ch, chPath, "permeability", Dimension.PERMEABILITY, true, Double.NaN);
                fields.nonNegative(chPath + ".permeability", p, "permeability");
                if (s >= 0 && p >= 0 && Double.isFinite(p)) {
                    channels.add(new Channel.Ghk(s, p));
                } else {
                    ok = false;
                }
            }
        }
        return ok ? channels : null;
    }

    private Channel readLeak(JsonNode ch, String chPath) {
        for (String key : List.of("ion", "permeability", "gating")) {
            fields.forbid(ch, chPath, key, "a non-specific leak moves no tracked ion: give only conductance and "
                    + "reversal");
        }
        double g = fields.quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
        fields.nonNegative(chPath + ".conductance", g, "conductance");
        double reversal = fields.quantity(ch, chPath, "reversal", Dimension.POTENTIAL, true, Double.NaN);
        if (g >= 0 && Double.isFinite(g) && Double.isFinite(reversal)) {
            return new Channel.Leak(g, reversal);
        }
        return null;
    }

    private void checkOhmicSpecies(String chPath, String ion, int s, List<Compartment> compartments, int inside,
                                   int outside) {
        JsonNode ions = fields.root().get("ions");
        JsonNode charge = ions == null ? null : ions.path(ion).get("charge");
        if (charge != null && charge.isNumber() && charge.asDouble() == 0) {
            fields.problem(chPath + ".ion", "an ohmic channel needs a charged ion ('" + ion + "' has charge 0); "
                    + "use a permeability for a neutral solute");
        }
        for (int c : new int[] {inside, outside}) {
            if (c >= 0 && c < compartments.size() && compartments.get(c) != null
                    && compartments.get(c).concentrationMolPerM3(s) == 0) {
                fields.problem(chPath + ".ion", "an ohmic channel for '" + ion + "' needs it on both sides, but '"
                        + compartments.get(c).name() + "' has none, so E_" + ion + " is infinite; give it a "
                        + "concentration there or use a GHK permeability");
            }
        }
    }
}
