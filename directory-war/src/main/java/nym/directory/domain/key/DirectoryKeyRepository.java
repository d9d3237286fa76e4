package nym.directory.domain.key;

import java.util.Optional;

/** The directory's one topology-signing key, shared by all instances (table {@code directory_key}). */
public interface DirectoryKeyRepository {

    /** The stored 32-byte Ed25519 secret, if any. */
    Optional<byte[]> secret();

    /** Stores the key unless one exists (another instance may win the race; read {@link #secret()} after). */
    void insertIfAbsent(byte[] secret, String publicKey, long now);
}
