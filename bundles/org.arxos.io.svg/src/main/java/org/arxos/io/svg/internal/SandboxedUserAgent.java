package org.arxos.io.svg.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.util.ParsedURL;

/**
 * A Batik user agent that loads nothing beyond the document it was given: no images, fonts, style sheets or
 * documents by URL (not even {@code file:} or {@code data:}), and no scripts. Errors Batik reports without throwing
 * are kept as warnings.
 */
final class SandboxedUserAgent extends UserAgentAdapter {

    final List<String> messages = new ArrayList<>();

    @Override
    public ScriptSecurity getScriptSecurity(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        return new NoLoadScriptSecurity(scriptType);
    }

    @Override
    public void checkLoadScript(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        throw new SecurityException("scripts are never run: " + scriptURL);
    }

    @Override
    public ExternalResourceSecurity getExternalResourceSecurity(ParsedURL resourceURL, ParsedURL docURL) {
        return new NoLoadExternalResourceSecurity();
    }

    @Override
    public void checkLoadExternalResource(ParsedURL resourceURL, ParsedURL docURL) {
        throw new SecurityException("external resources are never loaded: " + resourceURL);
    }

    @Override
    public void displayError(Exception e) {
        messages.add(String.valueOf(e.getMessage()));
    }

    @Override
    public void displayMessage(String message) {
        messages.add(message);
    }

    @Override
    public boolean isXMLParserValidating() {
        return false;
    }
}
