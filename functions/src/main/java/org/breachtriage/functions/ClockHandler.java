package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import org.breachtriage.core.incident.IncidentClock;

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

    @Override
    public Summary handleRequest(ScheduledEvent event, Context context) {
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
