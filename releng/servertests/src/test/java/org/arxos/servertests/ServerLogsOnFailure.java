package org.arxos.servertests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints the tails of the logs of every running server when a test or a lifecycle method fails, while the server
 * is still there to be read (before {@code @AfterEach} / {@code @AfterAll} stop it). Register with
 * {@code @ExtendWith(ServerLogsOnFailure.class)}.
 */
public final class ServerLogsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        print(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        print(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        print(context, failure);
        throw failure;
    }

    private static void print(ExtensionContext context, Throwable failure) {
        // an await() failure carries the logs in its message already
        if (failure.getMessage() != null && failure.getMessage().contains("---- end of server logs ----")) {
            return;
        }
        String logs = ArxosServer.openServerLogTails();
        if (!logs.isEmpty()) {
            System.err.println("==== " + context.getDisplayName() + " failed (" + failure + "); server logs:" + logs);
        }
    }
}
