package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationsFailedException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.api.selection.Served;
import org.arxos.api.selection.ServiceCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls implementations one after the other until one returns a valid result in time, counting every failure in the
 * implementation's ledger and quarantining it after the configured number in a row. With a time limit each call runs
 * on a thread of the executor; a call that overruns is interrupted and left behind, which ties up one thread until
 * it returns, and quarantine stops new calls from tying up more.
 */
final class GuardedCalls {

    /** The implementations of one capability, as guarded calls see them. */
    interface Implementations {

        Capability capability();

        /** The order in which to try them, starting with {@code first} (a name, or {@code null}). */
        List<Candidate> candidates(String first);

        /** Called after a call quarantined one of them. */
        void quarantineChanged();
    }

    private static final Logger LOG = LoggerFactory.getLogger(GuardedCalls.class);

    private final ExecutorService executor;
    private volatile CallSettings settings;

    GuardedCalls(ExecutorService executor, CallSettings settings) {
        this.executor = executor;
        this.settings = settings;
    }

    void settings(CallSettings changed) {
        settings = changed;
    }

    /** A result with why the validator rejected it, or {@code null} when it passed. */
    private record Checked<R>(R result, String problem) {
    }

    <S, R> Served<R> call(Implementations implementations, Class<S> spi, String first,
            ServiceCall<? super S, ? extends R> call, CallGuard<R> guard) {
        CallSettings limits = settings;
        List<Candidate> candidates = implementations.candidates(first);
        if (candidates.isEmpty()) {
            throw new NoImplementationException(
                    "no implementation of " + implementations.capability().id() + " is running");
        }
        List<CallFailure> failures = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Implementation implementation = candidate.implementation();
            S service = spi.cast(candidate.service());
            CallFailure failure;
            try {
                // the validator runs under the time limit too: it calls into the result, which is plugin code
                Checked<R> checked = run(() -> {
                    R result = call.call(service, implementation);
                    return new Checked<>(result, guard.problemWith(result).orElse(null));
                }, limits, implementations, implementation);
                if (checked.problem() == null) {
                    candidate.ledger().succeeded();
                    return new Served<>(checked.result(), implementation, failures);
                }
                failure = new CallFailure(implementation, CallFailure.Kind.INVALID, checked.problem());
            } catch (TimeoutException e) {
                failure = new CallFailure(implementation, CallFailure.Kind.TIMED_OUT,
                        "did not return within " + limits.timeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                if (guard.isAnswer(e.getCause())) {
                    candidate.ledger().succeeded();
                    throw (RuntimeException) e.getCause();
                }
                failure = new CallFailure(implementation, CallFailure.Kind.THREW, CallFailure.describe(e.getCause()));
                LOG.debug("{} implementation '{}' threw", implementations.capability().id(), implementation.name(),
                        e.getCause());
            }
            failures.add(failure);
            count(implementations, candidate, failure, limits);
        }
        throw new ImplementationsFailedException(implementations.capability(), failures);
    }

    /** The call's result; what it threw, wrapped; or a timeout when it overran the limit. */
    private <T> T run(Callable<T> task, CallSettings limits, Implementations implementations,
            Implementation implementation) throws ExecutionException, TimeoutException {
        if (limits.timeout().isZero()) {
            try {
                return task.call();
            } catch (Exception | Error e) {
                throw new ExecutionException(e);
            }
        }
        Future<T> future = executor.submit(task);
        try {
            return future.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + implementations.capability().id()
                    + " implementation '" + implementation.name() + "'");
        }
    }

    private static void count(Implementations implementations, Candidate candidate, CallFailure failure,
            CallSettings limits) {
        String capability = implementations.capability().id();
        Implementation implementation = candidate.implementation();
        if (candidate.ledger().failed(failure, limits.quarantineAfter())) {
            implementations.quarantineChanged();
            LOG.error("Quarantined {} implementation '{}' of bundle {} after {} failures in a row; the last: {}. "
                    + "It serves again after 'arxos:reinstate {} {}' or when its bundle registers it anew.",
                    capability, implementation.name(), implementation.bundle(), limits.quarantineAfter(),
                    failure.message(), capability, implementation.name());
        } else {
            LOG.warn("{} implementation '{}' of bundle {} failed a call: {}",
                    capability, implementation.name(), implementation.bundle(), failure.message());
        }
    }
}
