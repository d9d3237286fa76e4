/**
 * Distributed key generation for the Coconut issuing key: the n authorities jointly draw sk = (x, y_1..y_q) so that
 * each ends with a Shamir share sk_i and everyone with vk and every vk_i, while nobody, not even a dealer, ever holds
 * sk. Joint-Feldman (Pedersen's DKG, with Gennaro–Jarecki–Krawczyk–Rabin's complaint handling), made publicly
 * verifiable so that a ledger can run it:
 *
 * <ol>
 *   <li><b>Keys.</b> Each authority i has a {@link DkgKeyPair} (dk_i, ek_i = g1^{dk_i}) in G1; the ek_i are public
 *       (the ledger's genesis lists them).
 *   <li><b>Dealing.</b> Dealer j draws q + 1 polynomials f_{j,c} of degree t − 1 over Z_r (c = 0 for x, c = 1..q for
 *       y_c), publishes Feldman commitments C_{j,c,k} = g2^{a_{j,c,k}}, and encrypts the share vector
 *       (f_{j,c}(i))_c to each recipient i under hashed ElGamal in G1: R_j = g1^{r_j}, K_{j,i} = ek_i^{r_j},
 *       key = SHA-256(label, context, i, ek_i, R_j, K_{j,i}), ChaCha20-Poly1305 with the {@link DealingContext} as
 *       associated data ({@link Dealing#deal}). A dealing copied from another dealer or replayed into another key
 *       epoch does not decrypt under its new context. The ledger checks only the dealing's structure
 *       ({@link Dealing#fromBytes}): whether a share is right only its recipient can tell.
 *   <li><b>Complaints.</b> Recipient i decrypts its shares and checks g2^{f_{j,c}(i)} = Π_k C_{j,c,k}^{i^k}. If the
 *       check fails, or the ciphertext does not open, it publishes K_{j,i} with a Chaum–Pedersen proof that
 *       log_{g1} ek_i = log_{R_j} K_{j,i} ({@link Complaint#against}), bound by Fiat–Shamir to the context and i.
 *       Anyone can then open that one ciphertext and see whether the share is bad ({@link Complaint#judge}): a
 *       justified complaint disqualifies dealer j, an unjustified one is refused. No response round is needed.
 *   <li><b>Result.</b> QUAL = the dealers not disqualified. vk = (Π_{j∈QUAL} C_{j,0,0}, Π_{j∈QUAL} C_{j,c,0}),
 *       vk_i = Π_{j∈QUAL} Π_k C_{j,c,k}^{i^k} ({@link DkgResult#combine}), and recipient i's share is
 *       sk_i = Σ_{j∈QUAL} f_{j,c}(i) ({@link DkgResult#secretShare}).
 * </ol>
 *
 * <p>Known limit (as in Joint-Feldman): a dealer that deals last sees the others' commitments and can bias the group
 * key's distribution by choosing whether to deal; it cannot learn or choose the key.
 */
package nym.coconut.dkg;
