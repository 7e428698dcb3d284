package org.arxos.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Keeps users in a JSON file and only SHA-256 hashes of their tokens. Reads use an immutable snapshot; changes
 * rewrite the file atomically, so a crash leaves the old or the new file, never half of one.
 */
@Component(service = { IdentityStore.class, FileIdentityStore.class }, configurationPid = FileIdentityConfiguration.PID,
        property = { "arxos.impl=file", "service.ranking:Integer=0" })
@Designate(ocd = FileIdentityConfiguration.class)
public final class FileIdentityStore implements IdentityStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileIdentityStore.class);
    private static final String TOKEN_PREFIX = "arx_";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Snapshot(IdentityFile file, Map<String, IdentityFile.User> byTokenHash) {
    }

    private final Path path;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    @Activate
    public FileIdentityStore(FileIdentityConfiguration config) throws IOException {
        this.path = Path.of(config.path());
        if (Files.exists(path)) {
            snapshot = snapshotOf(read(path));
        } else {
            snapshot = snapshotOf(new IdentityFile(IdentityFile.VERSION, List.of()));
            if (!config.developmentUser().isBlank()) {
                createDevelopmentUser(config);
            }
        }
    }

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        if (bearerToken == null || !bearerToken.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        IdentityFile.User user = snapshot.byTokenHash().get(hash(bearerToken));
        return Optional.ofNullable(user).map(FileIdentityStore::principalOf);
    }

    @Override
    public synchronized void grant(String tenant, String user, String buildingId, Role role) {
        List<IdentityFile.User> users = new ArrayList<>(snapshot.file().users());
        int index = indexOf(users, tenant, user);
        if (index < 0) {
            throw new IllegalArgumentException("no user '" + user + "' in tenant '" + tenant + "'");
        }
        IdentityFile.User u = users.get(index);
        Map<String, String> buildings = new HashMap<>(u.buildings());
        buildings.put(buildingId, role.name().toLowerCase(Locale.ROOT));
        users.set(index, new IdentityFile.User(u.name(), u.tenant(), u.tenantRole(), buildings, u.tokenHashes(),
                u.administrator()));
        store(new IdentityFile(IdentityFile.VERSION, users));
    }

    /**
     * Creates or updates the user (with {@code tenantRole} on the whole tenant) and issues it a new token, which is
     * returned and never stored.
     */
    public synchronized String issueToken(String tenant, String user, Role tenantRole, boolean administrator) {
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        List<IdentityFile.User> users = new ArrayList<>(snapshot.file().users());
        int index = indexOf(users, tenant, user);
        String role = tenantRole == null ? null : tenantRole.name().toLowerCase(Locale.ROOT);
        if (index < 0) {
            users.add(new IdentityFile.User(user, tenant, role, Map.of(), List.of(hash(token)), administrator));
        } else {
            IdentityFile.User u = users.get(index);
            List<String> hashes = new ArrayList<>(u.tokenHashes());
            hashes.add(hash(token));
            users.set(index, new IdentityFile.User(u.name(), u.tenant(), role, u.buildings(), hashes, administrator));
        }
        store(new IdentityFile(IdentityFile.VERSION, users));
        return token;
    }

    private void createDevelopmentUser(FileIdentityConfiguration config) throws IOException {
        String token = issueToken(config.developmentTenant(), config.developmentUser(), Role.OWNER, true);
        if (!config.developmentTokenFile().isBlank()) {
            Path tokenFile = Path.of(config.developmentTokenFile());
            writeAtomically(tokenFile, token.getBytes(StandardCharsets.UTF_8), true);
        }
        LOG.info("Created development user '{}', administrator and owner of tenant '{}'", config.developmentUser(),
                config.developmentTenant());
        // On a line of its own: the Gogo prompt may be waiting on the current one.
        System.out.println(System.lineSeparator() + "Arxos development token (user '" + config.developmentUser() + "', tenant '"
                + config.developmentTenant() + "'): " + token);
    }

    private void store(IdentityFile file) {
        try {
            writeAtomically(path, JSON.writeValueAsBytes(file), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the identity file " + path, e);
        }
        snapshot = snapshotOf(file);
    }

    private static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            if (ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static IdentityFile read(Path path) throws IOException {
        IdentityFile file;
        try {
            file = JSON.readValue(path.toFile(), IdentityFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw new IOException("the identity file " + path + " is not valid" + where + ": " + e.getOriginalMessage());
        }
        if (file.version() != IdentityFile.VERSION) {
            throw new IOException("the identity file " + path + " has version " + file.version() + ", expected "
                    + IdentityFile.VERSION);
        }
        for (IdentityFile.User user : file.users()) {
            if (user.name() == null || user.tenant() == null) {
                throw new IOException("the identity file " + path + " has a user without name or tenant");
            }
            try {
                roleOf(user.tenantRole());
                user.buildings().values().forEach(FileIdentityStore::roleOf);
            } catch (IllegalArgumentException e) {
                throw new IOException("the identity file " + path + ", user '" + user.name() + "': " + e.getMessage());
            }
        }
        return file;
    }

    private static Snapshot snapshotOf(IdentityFile file) {
        Map<String, IdentityFile.User> byTokenHash = new HashMap<>();
        for (IdentityFile.User user : file.users()) {
            user.tokenHashes().forEach(h -> byTokenHash.put(h, user));
        }
        return new Snapshot(file, Map.copyOf(byTokenHash));
    }

    private static Principal principalOf(IdentityFile.User user) {
        Map<String, Role> buildings = new HashMap<>();
        user.buildings().forEach((id, role) -> buildings.put(id, roleOf(role)));
        return new Principal(user.name(), user.tenant(), roleOf(user.tenantRole()), buildings, user.administrator());
    }

    private static Role roleOf(String role) {
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + role + "': use viewer, editor or owner");
        }
    }

    private static int indexOf(List<IdentityFile.User> users, String tenant, String name) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).tenant().equals(tenant) && users.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
