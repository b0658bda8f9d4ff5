package org.breachtriage.aws;

/**
 * The layout of the case table (single-table design), shared by {@link DynamoCaseStore}, the
 * sandbox and the SAM template, which must declare the same keys and index.
 *
 * <pre>
 * pk = CASE#&lt;caseId&gt;          sk = META                        the case; counters as numbers (ADD)
 *                              sk = REJECT#&lt;row, 12 digits&gt;#&lt;field&gt;  a rejected row
 *                              sk = DECISION#&lt;seq, 12 digits&gt;   the case's decision log, in append order
 *                              sk = ALERT#&lt;alert id&gt;            an alert of the case: claimed, then sent
 * pk = INCIDENT#&lt;incidentId&gt;  sk = META                        the incident (JSON body, version for compare-and-set)
 *                              sk = PERSON#&lt;payNumber&gt;           one person of the incident
 *                              sk = DECISION#&lt;seq, 12 digits&gt;   the incident's decision log
 * </pre>
 *
 * <p>Listing uses a sparse global secondary index rather than a Scan: the table also holds one item
 * per affected person (tens of thousands per incident), so a Scan for the META items would read all
 * of them. Only META items carry {@link #CASE_LIST_PK}: cases with the value {@link #CASE_LIST_VALUE},
 * incidents with {@link #INCIDENT_LIST_VALUE}, so the index holds one item per case or incident.
 */
public final class CaseTableSchema {
    public static final String PK = "pk";
    public static final String SK = "sk";

    public static final String CASE_LIST_INDEX = "cases-by-opened-at";
    /** Partition key of the index: the same value on every META item. */
    public static final String CASE_LIST_PK = "caseList";
    /** Sort key of the index: fixed-width opening time, then the case id (ties). */
    public static final String CASE_LIST_SK = "openedKey";
    public static final String CASE_LIST_VALUE = "ALL";
    public static final String INCIDENT_LIST_VALUE = "INCIDENTS";

    public static final String META = "META";
    public static final String PERSON_PREFIX = "PERSON#";
    public static final String REJECT_PREFIX = "REJECT#";
    public static final String DECISION_PREFIX = "DECISION#";
    public static final String ALERT_PREFIX = "ALERT#";

    private CaseTableSchema() {
    }

    public static String casePk(String caseId) {
        return "CASE#" + caseId;
    }

    public static String incidentPk(String incidentId) {
        return "INCIDENT#" + incidentId;
    }
}
