package org.breachtriage.core.pipeline;

/**
 * The controller named in reports. Set per deployment with {@code TRIAGE_FORCE}; the default is a
 * visible placeholder so a report never silently names the wrong force.
 */
public final class ForceName {
    public static final String ENV = "TRIAGE_FORCE";
    public static final String PLACEHOLDER = "Police force (set TRIAGE_FORCE)";

    private ForceName() {
    }

    public static String fromEnvironment() {
        String force = System.getenv(ENV);
        return force == null || force.isBlank() ? PLACEHOLDER : force.trim();
    }
}
