package org.arxos.calculations.internal;

import java.io.Serializable;
import java.util.Map;

import org.arxos.api.compute.Calculation;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.model.Revision;

/** The real local engine with one worker and with several, shared by the tests of this bundle. */
final class Engines {

    static final LocalComputeEngine ONE = new LocalComputeEngine(1);
    static final LocalComputeEngine MANY = new LocalComputeEngine(4);

    private Engines() {
    }

    static <R extends Serializable> R run(Calculation<R> calculation, Revision revision, Map<String, String> parameters)
            throws Exception {
        return calculation.calculate(new TestContext(revision, parameters, MANY));
    }

    static <R extends Serializable> R runOnOne(Calculation<R> calculation, Revision revision,
            Map<String, String> parameters) throws Exception {
        return calculation.calculate(new TestContext(revision, parameters, ONE));
    }
}
