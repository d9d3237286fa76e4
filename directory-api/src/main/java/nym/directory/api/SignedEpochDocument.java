package nym.directory.api;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EpochDocument} with the authorities' signatures, as served at {@link Paths#EPOCHS}. The document travels
 * as its exact signed bytes (base64url, so no JSON canonicalisation has to be agreed on); each authority signs
 * {@code "nym-epoch-document-v1" LF bytes} with its own Ed25519 key ({@link Signing#epochDocumentMessage}). Check it
 * with {@link TrustedEpochs} before reading it.
 *
 * @param document the canonical JSON bytes of the {@link EpochDocument}, unpadded base64url
 * @param signatures one per authority that has signed so far
 */
public record SignedEpochDocument(String document, List<Signature> signatures) {

    /** One authority's signature: its Ed25519 public key and its signature, both unpadded base64url. */
    public record Signature(String authorityKey, String signature) {}

    public SignedEpochDocument {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** An unsigned document. */
    public static SignedEpochDocument of(EpochDocument document) {
        return new SignedEpochDocument(Keys.encode(document.canonicalBytes()), List.of());
    }

    /** This document with {@code authority}'s signature added (or replaced). */
    public SignedEpochDocument signedBy(Ed25519Identity authority) {
        String key = authority.publicKeyText();
        List<Signature> next = new ArrayList<>();
        for (Signature s : signatures) {
            if (!key.equals(s.authorityKey())) {
                next.add(s);
            }
        }
        next.add(new Signature(key, Keys.encode(authority.sign(Signing.epochDocumentMessage(documentBytes())))));
        return new SignedEpochDocument(document, next);
    }

    /**
     * The signed bytes.
     *
     * @throws DirectoryException {@code JSON} if {@code document} is missing or not base64url
     */
    public byte[] documentBytes() {
        return Signing.signedBytes(document, "document");
    }

    /** The document, parsed without any signature check: for the directory's own use, not for routing. */
    public EpochDocument unverified() {
        return Json.read(documentBytes(), EpochDocument.class);
    }
}
