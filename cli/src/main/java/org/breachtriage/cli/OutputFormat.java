package org.breachtriage.cli;

/** {@code --output}: a human table, or clean JSON on stdout for scripts. */
public enum OutputFormat { table, json }
