package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.Sighting;
import org.breachtriage.core.scoring.ScoringInput;
import org.junit.jupiter.api.Test;

/**
 * The renderers cannot leak personal data they are never given: no type in this package's API
 * takes, holds or returns anything person-level. And the case-level free text that could name
 * someone (the source key, the failure reason) is never rendered.
 */
class NoPersonalDataTest {
    private static final Set<Class<?>> PERSON_LEVEL = Set.of(StaffMember.class, ManifestRow.class, RowRejection.class,
            RowBatch.class, IncidentPerson.class, Sighting.class, PersonNotice.class, ScoringInput.class, Assessment.class, DecisionEntry.class,
            ManifestReader.class, ManifestVisitor.class, StaffDirectory.class);

    @Test
    void noReportTypeTakesHoldsOrReturnsPersonLevelData() throws Exception {
        List<Class<?>> classes = reportClasses();
        // A floor, not a count: the package grows, and every class in it is checked below. The floor only
        // proves the scan found the report package at all (an empty scan would pass everything).
        assertTrue(classes.size() >= 15, "found only " + classes);
        List<String> offences = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                check(offences, type.getName() + "." + method.getName() + " returns", method.getGenericReturnType());
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(offences, type.getName() + "." + method.getName() + " takes", parameter);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Type parameter : constructor.getGenericParameterTypes()) {
                    check(offences, type.getName() + " constructor takes", parameter);
                }
            }
            for (var field : type.getDeclaredFields()) {
                check(offences, type.getName() + "." + field.getName() + " holds", field.getGenericType());
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(offences, type.getName() + "." + component.getName() + " is", component.getGenericType());
                }
            }
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }

    @Test
    void theSourceKeyAndFailureReasonAreNeverRendered() {
        CaseRecord c = ReportFixtures.caseRecordWith(ReportFixtures.CELLS, "Acme ID Cards Ltd", Regime.UK_GDPR);
        ReportSubject revealing = ReportSubject.ofCase(new CaseRecord(c.caseId(), c.incidentId(), "manifests/acme/SMITH-John-PN123456.csv", "v1",
                CaseStatus.FAILED, "row 7: pay_number: 'PN999999' does not look like a pay number", c.incident(),
                c.regime(), c.openedAt(), c.art33Deadline(), true, c.art33Reasoning(), c.policyVersion(),
                c.batchesQueued(), c.counters()));
        ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_LATE);
        FederationSummary federation = FederationSummaries.from(revealing, context);
        OnCallSummary onCall = OnCallSummaries.from(revealing, context);
        IcoArt33Draft draft = IcoArt33Drafts.from(revealing, context);
        for (String output : List.of(federation.toJson(), federation.toText(), onCall.toJson(), onCall.toText(),
                draft.toJson(), draft.toMarkdown(), HtmlReport.render(onCall, federation, draft))) {
            for (String personal : List.of("SMITH", "John", "PN123456", "PN999999", "row 7")) {
                assertFalse(output.contains(personal), personal + " in\n" + output);
            }
        }
    }

    private static void check(List<String> offences, String where, Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                check(offences, where, c.getComponentType());
            } else if (PERSON_LEVEL.contains(c)) {
                offences.add(where + " " + c.getSimpleName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(offences, where, p.getRawType());
            for (Type argument : p.getActualTypeArguments()) {
                check(offences, where, argument);
            }
        } else if (type instanceof GenericArrayType a) {
            check(offences, where, a.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(t -> check(offences, where, t));
        }
    }

    /** Every class compiled into the report package, nested ones included. */
    private static List<Class<?>> reportClasses() throws Exception {
        Path root = Path.of(SmallCounts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(SmallCounts.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(SmallCounts.class.getPackageName() + "." + name);
                if (!type.isSynthetic() && !Modifier.isPrivate(type.getModifiers())) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }
}
