/**
 * Report renderers: pure functions from a {@link org.breachtriage.core.cases.CaseRecord} (its counters
 * and incident) and a {@link org.breachtriage.core.report.ReportContext} to the three outputs of a case.
 *
 * <ul>
 *   <li>{@link org.breachtriage.core.report.FederationSummary}: for the Federation and other staff
 *       associations; protected aggregates, JSON plus readable text for e-mail subscribers.</li>
 *   <li>{@link org.breachtriage.core.report.OnCallSummary}: for on-call; exact counts and a one-line
 *       headline. Internal only.</li>
 *   <li>{@link org.breachtriage.core.report.IcoArt33Draft}: the report to the ICO (UK GDPR Art. 33 or
 *       DPA 2018 s.67), structured by items (a)–(d) and by the ICO form's sections; Markdown and JSON.</li>
 *   <li>{@link org.breachtriage.core.report.HtmlReport}: all three in one self-contained HTML file.</li>
 * </ul>
 *
 * <h2>No personal data</h2>
 * No type here takes, holds or returns person-level data (staff members, manifest rows, results,
 * decision-log entries); a test enforces it. The case's source key and failure reason, which could
 * quote a file name or a field value, are never rendered. The one name that can appear is the DPO's:
 * the controller's contact point that Art. 33(3)(b) requires, not data about anyone affected.
 *
 * <h2>Small counts and figures derived by subtraction</h2>
 * Outside on-call, counts of 1–4 are shown as "&lt;5" ({@link org.breachtriage.core.report.SmallCounts}).
 * Because totals are shown too, that alone would not hide them: a column total minus the other cells
 * gives a lone small cell back. The staff type × band table therefore goes through
 * {@link org.breachtriage.core.report.ProtectedTable}, which withholds further figures ("[c]") until no
 * small count can be derived exactly, checked by an exact audit of what a reader can deduce. The
 * Federation summary, the ICO draft and the HTML all read the same protected table, and the ICO's
 * rounding ("about 2,500") only hides more. Figures outside the table that are sums of it are left
 * out where they could undo the protection: the ICO draft gives no notice count unless every band
 * total is shown, and no count of people missing from the staff table (a row total). The on-call
 * summary, and so the HTML file, keeps exact counts: it is for internal use.
 */
package org.breachtriage.core.report;
