package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.json.Json;

/**
 * Triggered hourly by an EventBridge schedule (template.yaml): checks every incident's Art. 33 clock
 * and publishes the reminders that are due on the alerts topic, each at most once however often it
 * runs (see {@link IncidentClock}). The event says nothing the check needs; the clock is the time.
 */
public final class ClockHandler implements RequestHandler<ScheduledEvent, ClockHandler.Summary> {

    /** What one run did: how many incidents it checked, and the reminders it sent (no personal data). */
    public record Summary(int incidentsChecked, List<IncidentClock.Sent> sent) {
        public Summary {
            sent = List.copyOf(sent);
        }
    }

    private final IncidentClock clock;

    /** Used by the Lambda runtime. */
    public ClockHandler() {
        this(FunctionWiring.shared());
    }

    public ClockHandler(FunctionWiring wiring) {
        this(wiring.pipeline().clock());
    }

    public ClockHandler(IncidentClock clock) {
        this.clock = clock;
    }

    /**
     * The entry point Lambda calls (the longest overload, as for {@link SqsFunction}). The event is not read:
     * it says nothing the check needs, and reading it as a {@link ScheduledEvent}, as the runtime's serialiser
     * would, parses its {@code time} with Joda-Time, several hundred classes on the first event for nothing.
     * The summary is written with the project's Jackson.
     */
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        answer.write(Json.writeBytes(check(context)));
    }

    @Override
    public Summary handleRequest(ScheduledEvent event, Context context) {
        return check(context);
    }

    private Summary check(Context context) {
        IncidentClock.Outcome outcome = clock.check();
        for (IncidentClock.Sent sent : outcome.sent()) {
            HandlerLog.info(context, "clock", null, "incident " + sent.incidentId() + ": " + sent.threshold().eventType()
                    + " (" + sent.threshold().label() + ") sent, " + sent.hoursLeft() + " h to the deadline");
        }
        HandlerLog.info(context, "clock", null, "checked " + outcome.incidentsChecked() + " open incident(s), "
                + outcome.sent().size() + " reminder(s) sent");
        return new Summary(outcome.incidentsChecked(), outcome.sent());
    }
}
