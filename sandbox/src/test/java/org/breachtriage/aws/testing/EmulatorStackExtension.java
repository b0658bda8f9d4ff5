package org.breachtriage.aws.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs tests against the local AWS emulators (fauxqs for S3/SQS/SNS, dynalite for DynamoDB), started
 * once per test JVM and stopped when the JVM's tests are done. Tests receive the
 * {@link EmulatorStack} as a constructor, lifecycle-method or test-method parameter.
 *
 * <p>If Node.js or {@code infra/local/node_modules} is missing the tests fail, on purpose: CI installs
 * them ({@code npm ci --prefix infra/local}), and a silently skipped AWS suite would hide breakage.
 *
 * <p>The stack lives in the root context's store as an {@link AutoCloseable}, which JUnit 5.13 closes
 * when the root context ends (the successor of the deprecated {@code Store.CloseableResource}).
 */
public final class EmulatorStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorStackExtension.class);
    private static final String KEY = "emulator-stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        return stack(context);
    }

    static EmulatorStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> EmulatorStack.start(), EmulatorStack.class);
    }
}
