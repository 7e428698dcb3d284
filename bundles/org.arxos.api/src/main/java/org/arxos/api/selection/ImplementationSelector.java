package org.arxos.api.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides which implementation of each capability serves. The pinned implementation serves while it is registered;
 * otherwise the one with the highest {@code service.ranking} (then the lowest service id). The choice is made per
 * call, so installing, stopping or pinning an implementation takes effect on the next call while calls in flight
 * finish on the implementation they started with.
 *
 * <p>Plugins are called through {@link #call(Class, String, ServiceCall, CallGuard) call}, which contains them: an
 * implementation that throws, hangs or returns an invalid result is replaced for that call by the next one, and one
 * that keeps failing is quarantined.
 */
@ProviderType
public interface ImplementationSelector {

    /** The implementation serving the capability of this SPI now. */
    <S> Optional<S> select(Class<S> spi);

    /** The implementation with this {@code arxos.impl} name, whether it serves by default or not. */
    <S> Optional<S> select(Class<S> spi, String implementation);

    /** @throws NoImplementationException naming the capability when none is registered */
    default <S> S require(Class<S> spi) {
        return select(spi).orElseThrow(() -> new NoImplementationException(
                "no implementation of " + Capability.of(spi).map(Capability::id).orElse(spi.getName()) + " is running"));
    }

    /** Every registered implementation, serving one first, then by ranking. */
    <S> List<S> all(Class<S> spi);

    List<CapabilityStatus> capabilities();

    CapabilityStatus capability(Capability capability);

    /**
     * Makes the named implementation serve until unpinned, even over higher-ranked ones, across restarts.
     * An implementation not (yet) installed may be pinned; the next-best serves until it arrives.
     */
    void pin(Capability capability, String implementation);

    void unpin(Capability capability);

    /** {@link #call(Class, String, ServiceCall, CallGuard)} on the serving implementation, accepting any result. */
    default <S, R> Served<R> call(Class<S> spi, ServiceCall<? super S, ? extends R> call) {
        return call(spi, null, call, CallGuard.any());
    }

    /**
     * Calls one implementation of the SPI, and the next whenever one fails, until one returns a valid result: first
     * the named implementation (or, for {@code null} or a name not registered, the serving one), then the others
     * in ranking order. A call fails when it throws an exception that is not one of the guard's
     * {@link CallGuard#answers answers}, does not return within the time limit, or returns {@code null} or a result
     * the guard's validator rejects. A user request thus fails only when every implementation fails.
     *
     * <p>The platform's selector runs each call under a time limit, counts each implementation's failures, and
     * quarantines an implementation after a number of failures in a row: it is then left out of selection while
     * another implementation of the capability is running, until {@link #reinstate reinstated} or registered anew
     * (both limits are configuration of PID {@code org.arxos.selection}). This default tries the implementations
     * without a time limit and keeps no record.
     *
     * @param implementation the {@code arxos.impl} name to try first, or {@code null} for the serving one
     * @throws NoImplementationException       when no implementation is registered
     * @throws ImplementationsFailedException  when every implementation failed, naming each failure
     */
    default <S, R> Served<R> call(Class<S> spi, String implementation, ServiceCall<? super S, ? extends R> call,
            CallGuard<R> guard) {
        Capability capability = Capability.of(spi)
                .orElseThrow(() -> new IllegalArgumentException(spi.getName() + " is not an Arxos capability"));
        CapabilityStatus status = capability(capability);
        String first = implementation != null && select(spi, implementation).isPresent() ? implementation
                : status.serving();
        List<Implementation> order = new ArrayList<>(status.implementations());
        order.sort((a, b) -> Boolean.compare(!a.name().equals(first), !b.name().equals(first)));
        List<CallFailure> failures = new ArrayList<>();
        for (Implementation candidate : order) {
            Optional<S> service = select(spi, candidate.name());
            if (service.isEmpty()) {
                continue;
            }
            try {
                R result = call.call(service.get(), candidate);
                Optional<String> problem = guard.problemWith(result);
                if (problem.isEmpty()) {
                    return new Served<>(result, candidate, failures);
                }
                failures.add(new CallFailure(candidate, CallFailure.Kind.INVALID, problem.get()));
            } catch (RuntimeException e) {
                if (guard.isAnswer(e)) {
                    throw e;
                }
                failures.add(new CallFailure(candidate, CallFailure.Kind.THREW, CallFailure.describe(e)));
            } catch (Exception e) {
                failures.add(new CallFailure(candidate, CallFailure.Kind.THREW, CallFailure.describe(e)));
            }
        }
        if (failures.isEmpty()) {
            throw new NoImplementationException("no implementation of " + capability.id() + " is running");
        }
        throw new ImplementationsFailedException(capability, failures);
    }

    /** How guarded calls went for each implementation of the capability that is registered, by ranking. */
    default List<CallRecord> calls(Capability capability) {
        return List.of();
    }

    /**
     * Lets a quarantined implementation serve again, with its failures forgotten.
     *
     * @return whether an implementation of that name was quarantined
     */
    default boolean reinstate(Capability capability, String implementation) {
        return false;
    }
}
