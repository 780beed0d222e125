package org.perfect21.api.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin token used when no tokens are configured: {@code <data-dir>/admin-token}, readable by its owner
 * only. A valid token left there by an earlier start is reused, so clients keep working across restarts.
 * The token goes to stdout once, when generated, and never to a logger.
 */
final class AdminTokenFile {

    static final String FILE_NAME = "admin-token";

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFile.class);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{32,512}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminTokenFile() {
    }

    /** The token and its file. */
    record AdminToken(String token, Path file, boolean generated) {
        @Override
        public String toString() {
            return "AdminToken[" + file + ", generated=" + generated + "]";
        }
    }

    static AdminToken loadOrCreate(Path dataDir, PrintStream out) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            AdminToken token = reuse(file);
            if (token == null) {
                token = create(file);
            }
            if (token.generated()) {
                out.println("Perfect21: no perfect21.tokens configured; generated admin token: " + token.token());
                out.println("Perfect21: the admin token is saved in " + file + " (readable by its owner only)");
            } else {
                out.println("Perfect21: no perfect21.tokens configured; the admin token is in " + file);
            }
            out.flush();
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the admin token file " + file, e);
        }
    }

    private static AdminToken reuse(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!VALID.matcher(content).matches()) {
            log.warn("{} does not hold a valid token; generating a new one", file);
            Files.delete(file);
            return null;
        }
        restrict(file);
        return new AdminToken(content, file, false);
    }

    private static AdminToken create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean posix = isPosix(file.getParent());
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // CREATE_NEW with the permissions as an attribute: the file never exists with wider permissions.
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (FileAlreadyExistsException e) {
            // Another process started at the same moment and wrote one: use it.
            AdminToken other = reuse(file);
            if (other != null) {
                return other;
            }
            throw e;
        }
        if (!posix) {
            ownerOnlyBestEffort(file);
        }
        return new AdminToken(token, file, true);
    }

    /** Narrows the permissions of a reused file that someone widened. */
    private static void restrict(Path file) throws IOException {
        if (isPosix(file.getParent()) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others than its owner; restricting it to rw-------", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    private static void ownerOnlyBestEffort(Path file) {
        var f = file.toFile();
        boolean narrowed = f.setReadable(false, false) & f.setReadable(true, true)
                & f.setWritable(false, false) & f.setWritable(true, true);
        if (!narrowed) {
            log.warn("{} is on a file system without POSIX permissions; restrict access to it by other means", file);
        }
    }
}
