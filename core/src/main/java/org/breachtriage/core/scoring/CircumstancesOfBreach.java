package org.breachtriage.core.scoring;

/** ENISA CB: the parts added to DPC × EI, each kept so the score can be explained. */
public record CircumstancesOfBreach(double confidentiality, double integrity, double availability, double malicious) {

    public double total() {
        return confidentiality + integrity + availability + malicious;
    }
}
