package org.breachtriage.core.scoring;

import java.util.List;
import org.breachtriage.core.model.Band;

/** ENISA SE = DPC × EI + CB, with every factor that moved it said in words. */
public record Assessment(double dpc, double ei, CircumstancesOfBreach cb, double score, Band band, List<String> reasons) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
