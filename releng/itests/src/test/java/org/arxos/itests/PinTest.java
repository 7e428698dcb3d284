package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An operator pins a lower-ranked implementation from the Gogo shell: it serves although the fixture ranks higher, the
 * pin shows in {@code arxos:impls} and is stored in ConfigAdmin, and unpinning hands the capability back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PinTest {

    private static final String SELECTION_PID = "org.arxos.selection";
    private static final String PIN_KEY = "pin.grouping";
    private static final String FIXTURE_KIND = "fixture";
    private static final long TIMEOUT_MILLIS = 5_000;

    @Inject
    private ImplementationSelector selector;

    @Inject
    private CommandProcessor shell;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private CommandSession session;
    private ByteArrayOutputStream output;
    private Revision revision;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withExtraBundles(ArxosRuntime.FIXTURE);
    }

    @Before
    public void openSession() throws Exception {
        output = new ByteArrayOutputStream();
        session = shell.createSession(new ByteArrayInputStream(new byte[0]), output, output);
        revision = SampleRevision.create();
    }

    @After
    public void closeSession() {
        session.close();
    }

    @Test
    public void pinFromTheShellOverridesRankingUntilUnpinned() throws Exception {
        awaitFixtureServing("the fixture (ranking 100) serves before any pin");

        String used = run("arxos:use grouping containment");
        System.out.println("PinTest: arxos:use grouping containment -> " + used.strip());
        CapabilityStatus pinned = selector.capability(Capability.GROUPING);
        assertEquals("pinned " + pinned, "containment", pinned.pinned());
        assertEquals("serving " + pinned, "containment", pinned.serving());
        assertNotEquals("a call is served by containment although the fixture ranks higher",
                FIXTURE_KIND, kindServing());

        String impls = run("arxos:impls");
        System.out.println("PinTest: arxos:impls ->\n" + impls);
        String containmentLine = groupingLine(impls, "containment");
        String fixtureLine = groupingLine(impls, "fixture");
        assertTrue("containment is marked serving (*) and pinned (!): " + containmentLine,
                marks(containmentLine).contains("*") && marks(containmentLine).contains("!"));
        assertTrue("the fixture is neither serving nor pinned: " + fixtureLine,
                !marks(fixtureLine).contains("*") && !marks(fixtureLine).contains("!"));

        Awaits.until("ConfigAdmin holds " + PIN_KEY + "=containment", TIMEOUT_MILLIS,
                () -> selectionProperty(PIN_KEY), "containment"::equals);

        String unpinned = run("arxos:unpin grouping");
        System.out.println("PinTest: arxos:unpin grouping -> " + unpinned.strip());
        assertNull("no pin after unpin", selector.capability(Capability.GROUPING).pinned());
        awaitFixtureServing("the fixture serves again after unpin");
        Awaits.until("ConfigAdmin no longer holds " + PIN_KEY, TIMEOUT_MILLIS,
                () -> String.valueOf(selectionProperty(PIN_KEY)), "null"::equals);
    }

    private void awaitFixtureServing(String description) throws InterruptedException {
        Awaits.until(description, TIMEOUT_MILLIS, () -> selector.capability(Capability.GROUPING).serving(),
                FIXTURE_KIND::equals);
        assertEquals(description, FIXTURE_KIND, kindServing());
    }

    /** The root node kind of a hierarchy made by whichever strategy serves now. */
    private String kindServing() {
        return selector.require(GroupingStrategy.class).group(revision).root().kind();
    }

    /** Runs a command, waiting for Gogo to pick up the command service first if needed; returns result and output. */
    private String run(String command) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (true) {
            try {
                output.reset();
                Object result = session.execute(command);
                return output.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
            } catch (IllegalArgumentException e) {
                // Gogo: "Command not found: arxos:use" until its tracker sees the command service
                if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("Command not found")) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private Object selectionProperty(String key) {
        try {
            org.osgi.service.cm.Configuration[] found =
                    configurationAdmin.listConfigurations("(service.pid=" + SELECTION_PID + ")");
            if (found == null) {
                return null;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            return properties == null ? null : properties.get(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line of {@code arxos:impls} for this grouping implementation. */
    private static String groupingLine(String impls, String implementation) {
        List<String> lines = Arrays.stream(impls.split("\\R"))
                .filter(line -> line.startsWith("grouping ") && Arrays.asList(line.trim().split("\\s+")).contains(implementation))
                .toList();
        assertEquals("one grouping line for " + implementation + " in:\n" + impls, 1, lines.size());
        return lines.get(0);
    }

    /** The marks column: the tokens between the capability and the implementation name. */
    private static String marks(String line) {
        String[] tokens = line.trim().split("\\s+");
        return tokens.length > 2 && !tokens[1].matches("[a-z].*") ? tokens[1] : "";
    }
}
