package nym.ledger.tx;

import com.google.protobuf.ByteString;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.BondNode;
import nym.ledger.tx.proto.LedgerProto.CredentialDeposit;
import nym.ledger.tx.proto.LedgerProto.CredentialRequest;
import nym.ledger.tx.proto.LedgerProto.Delegate;
import nym.ledger.tx.proto.LedgerProto.DkgComplaint;
import nym.ledger.tx.proto.LedgerProto.DkgDealing;
import nym.ledger.tx.proto.LedgerProto.MonitorReport;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.NodeScore;
import nym.ledger.tx.proto.LedgerProto.PipeTransferNotification;
import nym.ledger.tx.proto.LedgerProto.SignedTx;
import nym.ledger.tx.proto.LedgerProto.Transfer;
import nym.ledger.tx.proto.LedgerProto.TxBody;
import nym.ledger.tx.proto.LedgerProto.UnbondNode;
import nym.ledger.tx.proto.LedgerProto.Undelegate;
import nym.ledger.tx.proto.LedgerProto.VerificationVote;

/**
 * Builds signed transactions (for clients, tests and the load generator), always in the one canonical encoding the
 * ledger accepts (see {@link Transaction}): v is 0 or 1, and a body carrying unknown fields is refused here rather
 * than by every node.
 */
public final class TxBuilder {
    private final String chainId;

    public TxBuilder(String chainId) {
        this.chainId = chainId;
    }

    public byte[] sign(Secp256k1.KeyPair key, TxBody body) {
        byte[] bodyBytes = body.toByteArray();
        try {
            Transaction.parseCanonical(ByteString.copyFrom(bodyBytes), TxBody.parser(), "TxBody");
        } catch (LedgerException e) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "cannot sign: " + e.getMessage());
        }
        byte[] sig = Secp256k1.sign(Secp256k1.keccak256(bodyBytes), key);
        return SignedTx.newBuilder()
                .setBody(ByteString.copyFrom(bodyBytes))
                .setSignature(ByteString.copyFrom(sig))
                .build()
                .toByteArray();
    }

    private TxBody.Builder body(long nonce) {
        return TxBody.newBuilder().setChainId(chainId).setNonce(nonce);
    }

    public byte[] transfer(Secp256k1.KeyPair from, long nonce, byte[] to, long amount) {
        return sign(
                from,
                body(nonce)
                        .setTransfer(Transfer.newBuilder()
                                .setTo(ByteString.copyFrom(to))
                                .setAmount(amount))
                        .build());
    }

    public byte[] pipeTransfer(Secp256k1.KeyPair watcher, long nonce, byte[] ethTxHash, byte[] recipient, long amount) {
        return sign(
                watcher,
                body(nonce)
                        .setPipeTransfer(PipeTransferNotification.newBuilder()
                                .setEthTxHash(ByteString.copyFrom(ethTxHash))
                                .setRecipient(ByteString.copyFrom(recipient))
                                .setAmount(amount))
                        .build());
    }

    public byte[] credentialRequest(Secp256k1.KeyPair holder, long nonce, long value, byte[] blindSignRequest) {
        return sign(
                holder,
                body(nonce)
                        .setCredentialRequest(CredentialRequest.newBuilder()
                                .setValue(value)
                                .setBlindSignRequest(ByteString.copyFrom(blindSignRequest)))
                        .build());
    }

    public byte[] credentialDeposit(
            Secp256k1.KeyPair provider, long nonce, byte[] zeta, long value, byte[] credential) {
        return sign(
                provider,
                body(nonce)
                        .setCredentialDeposit(CredentialDeposit.newBuilder()
                                .setZeta(ByteString.copyFrom(zeta))
                                .setValue(value)
                                .setCredential(ByteString.copyFrom(credential)))
                        .build());
    }

    public byte[] verificationVote(Secp256k1.KeyPair verifier, long nonce, byte[] depositId, boolean accept) {
        return sign(
                verifier,
                body(nonce)
                        .setVerificationVote(VerificationVote.newBuilder()
                                .setDepositId(ByteString.copyFrom(depositId))
                                .setAccept(accept))
                        .build());
    }

    public byte[] dkgDealing(Secp256k1.KeyPair issuer, long nonce, long keyEpoch, byte[] dealing) {
        return sign(
                issuer,
                body(nonce)
                        .setDkgDealing(
                                DkgDealing.newBuilder().setKeyEpoch(keyEpoch).setDealing(ByteString.copyFrom(dealing)))
                        .build());
    }

    public byte[] dkgComplaint(Secp256k1.KeyPair issuer, long nonce, long keyEpoch, int dealerIndex, byte[] complaint) {
        return sign(
                issuer,
                body(nonce)
                        .setDkgComplaint(DkgComplaint.newBuilder()
                                .setKeyEpoch(keyEpoch)
                                .setDealerIndex(dealerIndex)
                                .setComplaint(ByteString.copyFrom(complaint)))
                        .build());
    }

    /**
     * Bonds the node with Ed25519 identity key {@code identityKey} (32 bytes); {@code identitySignature} (64 bytes) is
     * that key's signature of {@link nym.ledger.tx.stake.BondMessage#bytes} for this chain and the owner's address.
     */
    public byte[] bondNode(
            Secp256k1.KeyPair owner,
            long nonce,
            byte[] identityKey,
            NodeKind kind,
            long amount,
            byte[] identitySignature) {
        return sign(
                owner,
                body(nonce)
                        .setBondNode(BondNode.newBuilder()
                                .setIdentityKey(ByteString.copyFrom(identityKey))
                                .setKind(kind)
                                .setAmount(amount)
                                .setIdentitySignature(ByteString.copyFrom(identitySignature)))
                        .build());
    }

    public byte[] unbondNode(Secp256k1.KeyPair owner, long nonce, byte[] identityKey) {
        return sign(
                owner,
                body(nonce)
                        .setUnbondNode(UnbondNode.newBuilder().setIdentityKey(ByteString.copyFrom(identityKey)))
                        .build());
    }

    public byte[] delegate(Secp256k1.KeyPair delegator, long nonce, byte[] identityKey, long amount) {
        return sign(
                delegator,
                body(nonce)
                        .setDelegate(Delegate.newBuilder()
                                .setIdentityKey(ByteString.copyFrom(identityKey))
                                .setAmount(amount))
                        .build());
    }

    public byte[] undelegate(Secp256k1.KeyPair delegator, long nonce, byte[] identityKey, long amount) {
        return sign(
                delegator,
                body(nonce)
                        .setUndelegate(Undelegate.newBuilder()
                                .setIdentityKey(ByteString.copyFrom(identityKey))
                                .setAmount(amount))
                        .build());
    }

    public byte[] monitorReport(Secp256k1.KeyPair monitor, long nonce, long epoch, List<NodeScore> results) {
        return sign(
                monitor,
                body(nonce)
                        .setMonitorReport(
                                MonitorReport.newBuilder().setEpoch(epoch).addAllResults(results))
                        .build());
    }
}
