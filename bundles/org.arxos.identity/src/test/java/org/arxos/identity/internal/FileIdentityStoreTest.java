package org.arxos.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIdentityStoreTest {

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesADevelopmentOwnerWhoseTokenAuthenticates() throws IOException {
        FileIdentityStore store = new FileIdentityStore(config("dev"));

        String token = Files.readString(dir.resolve("dev-token"));
        Principal dev = store.authenticate(token).orElseThrow();

        assertEquals("dev", dev.user());
        assertEquals("default", dev.tenant());
        assertTrue(dev.may("any-building", Role.OWNER));
        assertTrue(dev.administrator());
        assertFalse(Files.readString(dir.resolve("identity.json")).contains(token), "only the hash is stored");
    }

    @Test
    void unknownOrMalformedTokensDoNotAuthenticate() throws IOException {
        FileIdentityStore store = new FileIdentityStore(config("dev"));

        assertEquals(Optional.empty(), store.authenticate("arx_not-a-token"));
        assertEquals(Optional.empty(), store.authenticate("Bearer"));
        assertEquals(Optional.empty(), store.authenticate(null));
    }

    @Test
    void grantsAndTokensSurviveAReopen() throws IOException {
        FileIdentityStore store = new FileIdentityStore(config(""));
        String token = store.issueToken("acme", "ann", null, false);
        assertFalse(store.authenticate(token).orElseThrow().may("b1", Role.VIEWER), "no role yet");

        store.grant("acme", "ann", "b1", Role.EDITOR);
        Principal ann = new FileIdentityStore(config("")).authenticate(token).orElseThrow();

        assertEquals("acme", ann.tenant());
        assertTrue(ann.may("b1", Role.EDITOR));
        assertFalse(ann.may("b1", Role.OWNER));
        assertFalse(ann.may("b2", Role.VIEWER));
        assertFalse(ann.administrator());
    }

    @Test
    void grantingAnUnknownUserNamesIt() throws IOException {
        FileIdentityStore store = new FileIdentityStore(config(""));

        var e = assertThrows(IllegalArgumentException.class, () -> store.grant("acme", "bob", "b1", Role.OWNER));
        assertTrue(e.getMessage().contains("'bob'"), e.getMessage());
    }

    @Test
    void aBrokenFileIsRefusedWithItsPathAndLine() throws IOException {
        Files.writeString(dir.resolve("identity.json"), "{\"version\":1,\n \"users\": [ {\"name\": } ]}");

        IOException e = assertThrows(IOException.class, () -> new FileIdentityStore(config("")));
        assertTrue(e.getMessage().contains("identity.json") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheUser() throws IOException {
        Files.writeString(dir.resolve("identity.json"),
                "{\"version\":1,\"users\":[{\"name\":\"ann\",\"tenant\":\"t\",\"tenantRole\":\"boss\"}]}");

        IOException e = assertThrows(IOException.class, () -> new FileIdentityStore(config("")));
        assertTrue(e.getMessage().contains("'ann'") && e.getMessage().contains("boss"), e.getMessage());
    }

    private FileIdentityConfiguration config(String developmentUser) {
        return new FileIdentityConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FileIdentityConfiguration.class;
            }

            @Override
            public String path() {
                return dir.resolve("identity.json").toString();
            }

            @Override
            public String developmentUser() {
                return developmentUser;
            }

            @Override
            public String developmentTenant() {
                return "default";
            }

            @Override
            public String developmentTokenFile() {
                return dir.resolve("dev-token").toString();
            }
        };
    }
}
