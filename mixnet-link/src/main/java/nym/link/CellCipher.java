package nym.link;

import com.southernstorm.noise.protocol.CipherState;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.ShortBufferException;

/**
 * One direction of a link's transport: ChaCha20-Poly1305 over cells of one size, nonce = cells so far, and a rekey
 * after every {@code rekeyInterval} cells. Both sides count the same cells (TCP keeps them in order), so they rekey
 * at the same cell without any message.
 *
 * <p>Rekey is Noise's REKEY(k) — the first 32 bytes of ENCRYPT(k, maxnonce, empty, zeros) — with one change:
 * noise-java 0.1.1 has no rekey call and refuses nonce 2^64−1, so the reserved nonce here is 2^64−2 (never reached by
 * cells). The old key is destroyed, so a key taken from memory later opens no earlier cells.
 */
final class CellCipher {

    /** 2^64 − 2 as an unsigned 64-bit nonce. */
    private static final long REKEY_NONCE = -2L;

    private final int cellSize;
    private final long rekeyInterval;
    private CipherState cipher;
    private long cells;

    CellCipher(CipherState cipher, int cellSize, long rekeyInterval) {
        this.cipher = cipher;
        this.cellSize = cellSize;
        this.rekeyInterval = rekeyInterval;
    }

    int frameBodyBytes() {
        return cellSize + LinkFrames.TAG_BYTES;
    }

    /** Encrypts {@code cell} (exactly the cell size) into {@code out} at {@code offset}: cell + tag bytes. */
    void encrypt(byte[] cell, byte[] out, int offset) {
        try {
            cipher.encryptWithAd(null, cell, 0, out, offset, cellSize);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("frame buffer too small", e);
        }
        counted();
    }

    /** The cell inside {@code body} (exactly the frame body size); throws on a failed tag. */
    byte[] decrypt(byte[] body) {
        byte[] cell = new byte[cellSize];
        try {
            cipher.decryptWithAd(null, body, 0, cell, 0, body.length);
        } catch (BadPaddingException | ShortBufferException e) {
            throw new LinkException(LinkException.Kind.DECRYPTION_FAILED, "a cell failed authentication");
        }
        counted();
        return cell;
    }

    /** Cells through this direction since the handshake. */
    long cells() {
        return cells;
    }

    private void counted() {
        cells++;
        if (cells % rekeyInterval == 0) {
            rekey();
        }
    }

    private void rekey() {
        byte[] zeros = new byte[32];
        byte[] next = new byte[32 + LinkFrames.TAG_BYTES];
        cipher.setNonce(REKEY_NONCE);
        try {
            cipher.encryptWithAd(null, zeros, 0, next, 0, zeros.length);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        CipherState rekeyed = cipher.fork(next, 0);
        Arrays.fill(next, (byte) 0);
        rekeyed.setNonce(cells);
        cipher.destroy();
        cipher = rekeyed;
    }

    void destroy() {
        cipher.destroy();
    }
}
