package org.arxos.compute.ignite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.util.List;

import org.arxos.api.compute.ComputeTask;
import org.junit.jupiter.api.Test;

/** Outside OSGi every class is named with the empty bundle name and comes back from the class path. */
class BundleSerializationTest {

    record Slice(int[] ids, double[] coordinates) implements Serializable {
    }

    private final BundleSerialization serialization = new BundleSerialization(name -> {
        throw new ClassNotFoundException(name);
    }, getClass().getClassLoader());

    @Test
    @SuppressWarnings("unchecked")
    void aLambdaPipelineAndArraysRoundTrip() throws Exception {
        ComputeTask<Slice, Integer> count = slice -> slice.ids().length;
        ComputeTask<Slice, String> pipeline = count.andThen(n -> "ids: " + n);
        Slice slice = new Slice(new int[] {1, 2, 3}, new double[] {0.5, 1.5});

        ComputeTask<Slice, String> read = (ComputeTask<Slice, String>) serialization.read(
                serialization.write(pipeline));
        Slice readSlice = (Slice) serialization.read(serialization.write(slice));

        assertEquals("ids: 3", read.apply(readSlice));
        assertEquals(List.of(0.5, 1.5), List.of(readSlice.coordinates()[0], readSlice.coordinates()[1]));
    }
}
