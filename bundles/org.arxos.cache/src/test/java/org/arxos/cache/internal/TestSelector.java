package org.arxos.cache.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.compress.Compressor;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;

/** Compressors by name, the first added serving; guarded calls are the interface's own (no time limit). */
final class TestSelector implements ImplementationSelector {

    private final Map<String, Compressor> compressors = new LinkedHashMap<>();

    synchronized TestSelector add(String name, Compressor compressor) {
        compressors.put(name, compressor);
        return this;
    }

    synchronized void remove(String name) {
        compressors.remove(name);
    }

    @Override
    public <S> Optional<S> select(Class<S> spi) {
        return all(spi).stream().findFirst();
    }

    @Override
    public synchronized <S> Optional<S> select(Class<S> spi, String implementation) {
        return spi == Compressor.class ? Optional.ofNullable(compressors.get(implementation)).map(spi::cast)
                : Optional.empty();
    }

    @Override
    public synchronized <S> List<S> all(Class<S> spi) {
        return spi == Compressor.class ? compressors.values().stream().map(spi::cast).toList() : List.of();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return List.of(capability(Capability.COMPRESSOR));
    }

    @Override
    public synchronized CapabilityStatus capability(Capability capability) {
        List<Implementation> implementations = new ArrayList<>();
        if (capability == Capability.COMPRESSOR) {
            compressors.keySet().forEach(name -> implementations.add(new Implementation(name, 0, "test",
                    implementations.size() + 1)));
        }
        return new CapabilityStatus(capability, implementations, null,
                implementations.isEmpty() ? null : implementations.get(0).name());
    }

    @Override
    public void pin(Capability capability, String implementation) {
        throw new UnsupportedOperationException("not needed by the cache");
    }

    @Override
    public void unpin(Capability capability) {
        throw new UnsupportedOperationException("not needed by the cache");
    }
}
