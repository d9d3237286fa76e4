/**
 * Coconut threshold blind credentials (Sonnino, Al-Bassam, Bano, Meiklejohn, Danezis, NDSS 2019) on
 * Pointcheval–Sanders signatures over BLS12-381, computed with blst (jblst).
 *
 * <h2>Walkthrough</h2>
 *
 * The whole protocol for the network's token — private attributes [serial s, secret], public attribute [value] —
 * with three authorities of which any two can issue. {@code WalkthroughTest} runs exactly these steps; keep the two in
 * step.
 *
 * <pre>{@code
 * RandomSource rng = RandomSource.secure();
 *
 * // 1. Setup(q): g1, g2 and h_1..h_q hashed to G1 under a domain-separation tag.          nym.coconut.setup
 * Parameters params = Setup.setup(8);
 *
 * // 2. ttpKeyGen(t = 2, n = 3): Shamir shares (x_i, y_ij) for authorities i = 1..3.        nym.coconut.keygen
 * ThresholdKeys keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
 *
 * // 3. The holder's token and ElGamal key (d, γ = g1^d).
 * Attributes token = Token.newToken(10, rng);
 * ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
 *
 * // 4. PrepareBlindSign: Λ = (cm, c_j = (a_j, b_j), π_s), h = H(cm).                       nym.coconut.issuance
 * BlindSignRequest lambda = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng);
 *
 * // 5. Each of two authorities verifies π_s and blind-signs: σ̃_i = (h, ã_i, b̃_i).
 * List<PartialSignature> shares = new ArrayList<>();
 * for (int i : List.of(1, 3)) {
 *     IssuerKey issuer = keys.issuer(i);
 *     BlindedSignature blinded = Issuance.blindSign(params, issuer.secretKey(), elGamal.publicKey(), lambda,
 *             Token.publicAttributes(10));
 *     // 6. The holder unblinds σ_i = (h, b̃_i ã_i^{-d}) and checks it against vk_i.
 *     Signature sigmaI = Issuance.unblind(blinded, elGamal);
 *     SignatureVerification.verifyShare(params, issuer.verificationKey(), token, sigmaI);   nym.coconut.verification
 *     shares.add(new PartialSignature(i, sigmaI));
 * }
 *
 * // 7. Lagrange aggregation at 0 of the shares and of the authorities' keys.               nym.coconut.aggregation
 * Signature sigma = Aggregation.aggregateSignatures(shares);
 * VerificationKey vk = Aggregation.aggregateVerificationKeys(
 *         List.of(keys.issuer(1).verificationKeyShare(), keys.issuer(2).verificationKeyShare()));
 * SignatureVerification.verifyShare(params, vk, token, sigma);
 *
 * // 8. Showing to a provider: Θ = (h', s', κ, ν, π_v) and ζ = g1^s, bound to the provider and its fresh nonce.
 * byte[] provider = "provider-1".getBytes(StandardCharsets.UTF_8);
 * byte[] nonce = new byte[32]; // chosen by the provider, fresh for each showing
 * Theta theta = Showing.proveCredential(params, vk, sigma, token, provider, nonce, rng);
 * String wire = theta.toText();                                                              nym.coconut.encoding
 *
 * // 9. The provider parses, verifies (throws CoconutException if anything is wrong), then checks ζ is unspent.
 * Theta received = Theta.fromText(wire);
 * Showing.verifyCredential(params, vk, received, Token.publicAttributes(10), provider, nonce);
 * G1Element zeta = received.zeta();
 * }</pre>
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@link nym.coconut.setup}: Setup(q) → params.</li>
 *   <li>{@link nym.coconut.keygen}: KeyGen, ttpKeyGen(t, n); sk = (x, y_j), vk = (g2, α, β_j).</li>
 *   <li>{@link nym.coconut.issuance}: PrepareBlindSign (Λ, π_s), BlindSign (σ̃), Unblind (σ), plain Sign.</li>
 *   <li>{@link nym.coconut.aggregation}: Lagrange coefficients; AggKey, AggCred.</li>
 *   <li>{@link nym.coconut.verification}: Verify, share checks (single and batch), Randomize, ProveCredential (Θ, ζ),
 *       VerifyCredential.</li>
 *   <li>{@link nym.coconut.encoding}: versioned binary encodings, text form, derived sizes.</li>
 *   <li>{@link nym.coconut.math}: Z_r, G1, G2, multi-pairing, Fiat–Shamir transcript over blst.</li>
 * </ul>
 *
 * <p>Every failure is a {@link nym.coconut.CoconutException} with a {@link nym.coconut.CoconutException.Kind};
 * randomness comes from a {@link nym.coconut.RandomSource} (SecureRandom in production, fixed in tests); secrets
 * ({@link nym.coconut.SecretScalar}, {@link nym.coconut.keygen.SecretKey}) never print and compare in constant time.
 */
package nym.coconut;
