package org.breachtriage.core.scoring;

import java.util.List;
import org.breachtriage.core.model.Band;

/**
 * ENISA SE = DPC × EI + CB, with every factor that moved it said in words. {@code art34Exemption}
 * is the Art. 34(3) ground on which a person whose band calls for a notice is not sent one (NONE,
 * never null; records stored before it existed read as NONE).
 */
public record Assessment(double dpc, double ei, CircumstancesOfBreach cb, double score, Band band, List<String> reasons,
                         Art34Exemption art34Exemption) {

    public Assessment {
        reasons = List.copyOf(reasons);
        art34Exemption = art34Exemption == null ? Art34Exemption.NONE : art34Exemption;
    }

    /** An assessment with no Art. 34(3) exemption. */
    public Assessment(double dpc, double ei, CircumstancesOfBreach cb, double score, Band band, List<String> reasons) {
        this(dpc, ei, cb, score, band, reasons, Art34Exemption.NONE);
    }

    public boolean exempt() {
        return art34Exemption != Art34Exemption.NONE;
    }
}
