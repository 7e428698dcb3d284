package org.arxos.api.selection;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides which implementation of each capability serves. The pinned implementation serves while it is registered;
 * otherwise the one with the highest {@code service.ranking} (then the lowest service id). The choice is made per
 * call, so installing, stopping or pinning an implementation takes effect on the next call while calls in flight
 * finish on the implementation they started with.
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
}
