package org.arxos.api.selection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a guarded call does with the implementation it is given: see
 * {@link ImplementationSelector#call(Class, String, ServiceCall, CallGuard)}. Because a failed call is made again on
 * the next implementation, it must have no effect the caller can see until it returns: write into a buffer of its
 * own, not into the caller's stream. The implementation's description lets a caller key what it keeps per
 * implementation (a cache, an incremental result) by its service id.
 *
 * @param <S> the SPI
 * @param <R> what the call returns; never {@code null}
 */
@ConsumerType
@FunctionalInterface
public interface ServiceCall<S, R> {

    R call(S service, Implementation implementation) throws Exception;
}
