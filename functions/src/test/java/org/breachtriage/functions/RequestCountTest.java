package org.breachtriage.functions;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request counts of a 10,000-row manifest against a roster of 20,000, printed beside the naive design
 * (one call per row, one per notice), with the design's request budget asserted. On the emulators it
 * takes a few minutes (dynalite spends milliseconds per request), so it is not in the default suite;
 * run it with
 * <pre>
 *   npm ci --prefix infra/local
 *   mvn -B verify -pl functions -am -Dtriage.excludedGroups=none -Dgroups=requestCount -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The default suite asserts the same budget on the smaller manifest of {@link FullPipelineTest}.
 */
@Tag("requestCount")
@ExtendWith(EmulatorStackExtension.class)
class RequestCountTest {

    private final EmulatorStack stack;

    RequestCountTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void tenThousandRowsStayWithinTheRequestBudget() throws Exception {
        PipelineTarget target = new PipelineTarget("emulators", stack.settings(), stack.clients(), stack.resources());

        PipelineScenario.Result result = new PipelineScenario(target, PipelineScenario.Spec.tenThousandRows()).run();

        System.out.print(RequestTable.render("10,000-row manifest, 20,000-person roster, fauxqs + dynalite", result));
        RequestTable.assertDesignBounds(result);
    }
}
