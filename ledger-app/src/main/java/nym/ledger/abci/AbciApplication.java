package nym.ledger.abci;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.proto.Abci.Event;
import nym.ledger.abci.proto.Abci.EventAttribute;
import nym.ledger.abci.proto.Abci.ExecTxResult;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestFinalizeBlock;
import nym.ledger.abci.proto.Abci.RequestInitChain;
import nym.ledger.abci.proto.Abci.RequestPrepareProposal;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.abci.proto.Abci.ResponseApplySnapshotChunk;
import nym.ledger.abci.proto.Abci.ResponseCheckTx;
import nym.ledger.abci.proto.Abci.ResponseCommit;
import nym.ledger.abci.proto.Abci.ResponseEcho;
import nym.ledger.abci.proto.Abci.ResponseException;
import nym.ledger.abci.proto.Abci.ResponseExtendVote;
import nym.ledger.abci.proto.Abci.ResponseFinalizeBlock;
import nym.ledger.abci.proto.Abci.ResponseFlush;
import nym.ledger.abci.proto.Abci.ResponseInfo;
import nym.ledger.abci.proto.Abci.ResponseInitChain;
import nym.ledger.abci.proto.Abci.ResponseListSnapshots;
import nym.ledger.abci.proto.Abci.ResponseLoadSnapshotChunk;
import nym.ledger.abci.proto.Abci.ResponseOfferSnapshot;
import nym.ledger.abci.proto.Abci.ResponsePrepareProposal;
import nym.ledger.abci.proto.Abci.ResponseProcessProposal;
import nym.ledger.abci.proto.Abci.ResponseQuery;
import nym.ledger.abci.proto.Abci.ResponseVerifyVoteExtension;
import nym.ledger.state.LedgerEvent;
import nym.ledger.state.LedgerState;
import nym.ledger.state.QueryResult;
import nym.ledger.state.TxOutcome;

/**
 * Maps ABCI 2.0 requests onto the {@link LedgerState}. Stateless itself; safe to call from the four connections
 * at once (the state serialises). A refused transaction is a non-zero code; a protocol violation (e.g.
 * FinalizeBlock at the wrong height, a bad genesis) is a ResponseException, which CometBFT treats as fatal.
 * CheckTx and Query answer any other failure (a bug, a corrupt record) with {@link Kind#UNAVAILABLE} and a log
 * instead: they serve clients, and one bad transaction or query must not cost the node its mempool or query
 * connection.
 */
public final class AbciApplication {
    private static final System.Logger LOG = System.getLogger(AbciApplication.class.getName());

    public static final String VERSION = "0.1.0";
    public static final long APP_VERSION = 1;

    private final LedgerState state;

    public AbciApplication(LedgerState state) {
        this.state = state;
    }

    public LedgerState state() {
        return state;
    }

    public Response handle(Request req) {
        try {
            return switch (req.getValueCase()) {
                case ECHO ->
                    Response.newBuilder()
                            .setEcho(ResponseEcho.newBuilder()
                                    .setMessage(req.getEcho().getMessage()))
                            .build();
                case FLUSH ->
                    Response.newBuilder()
                            .setFlush(ResponseFlush.getDefaultInstance())
                            .build();
                case INFO ->
                    Response.newBuilder()
                            .setInfo(ResponseInfo.newBuilder()
                                    .setData("nym-ledger")
                                    .setVersion(VERSION)
                                    .setAppVersion(APP_VERSION)
                                    .setLastBlockHeight(state.height())
                                    .setLastBlockAppHash(ByteString.copyFrom(state.appHash())))
                            .build();
                case INIT_CHAIN -> initChain(req.getInitChain());
                case QUERY -> query(req);
                case CHECK_TX -> checkTx(req);
                case COMMIT -> {
                    state.commit();
                    yield Response.newBuilder()
                            .setCommit(ResponseCommit.getDefaultInstance())
                            .build();
                }
                case PREPARE_PROPOSAL -> prepare(req.getPrepareProposal());
                case PROCESS_PROPOSAL ->
                    Response.newBuilder()
                            .setProcessProposal(ResponseProcessProposal.newBuilder()
                                    .setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT))
                            .build();
                case EXTEND_VOTE ->
                    Response.newBuilder()
                            .setExtendVote(ResponseExtendVote.getDefaultInstance())
                            .build();
                case VERIFY_VOTE_EXTENSION ->
                    Response.newBuilder()
                            .setVerifyVoteExtension(ResponseVerifyVoteExtension.newBuilder()
                                    .setStatus(ResponseVerifyVoteExtension.VerifyStatus.ACCEPT))
                            .build();
                case FINALIZE_BLOCK -> finalizeBlock(req.getFinalizeBlock());
                case LIST_SNAPSHOTS ->
                    Response.newBuilder()
                            .setListSnapshots(ResponseListSnapshots.getDefaultInstance())
                            .build();
                case OFFER_SNAPSHOT ->
                    Response.newBuilder()
                            .setOfferSnapshot(
                                    ResponseOfferSnapshot.newBuilder().setResult(ResponseOfferSnapshot.Result.REJECT))
                            .build();
                case LOAD_SNAPSHOT_CHUNK ->
                    Response.newBuilder()
                            .setLoadSnapshotChunk(ResponseLoadSnapshotChunk.getDefaultInstance())
                            .build();
                case APPLY_SNAPSHOT_CHUNK ->
                    Response.newBuilder()
                            .setApplySnapshotChunk(ResponseApplySnapshotChunk.newBuilder()
                                    .setResult(ResponseApplySnapshotChunk.Result.REJECT_SNAPSHOT))
                            .build();
                case VALUE_NOT_SET -> exception("empty ABCI request");
            };
        } catch (LedgerException e) {
            return exception(e.kind().name() + ": " + e.getMessage());
        }
    }

    private static Response exception(String message) {
        return Response.newBuilder()
                .setException(ResponseException.newBuilder().setError(message))
                .build();
    }

    private Response initChain(RequestInitChain r) {
        if (r.getInitialHeight() > 1) {
            throw new LedgerException(
                    Kind.BAD_GENESIS, "initial_height " + r.getInitialHeight() + " is not supported (use 1)");
        }
        byte[] hash = state.initChain(r.getChainId(), r.getAppStateBytes().toByteArray());
        return Response.newBuilder()
                .setInitChain(ResponseInitChain.newBuilder().setAppHash(ByteString.copyFrom(hash)))
                .build();
    }

    /** The log of a CheckTx or Query that failed unexpectedly; the failure itself goes to the node's log. */
    private static String internalError(String what, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, what + " failed unexpectedly", e);
        return Kind.UNAVAILABLE.name() + ": internal error in " + what + ": " + e;
    }

    private Response query(Request req) {
        QueryResult q;
        try {
            q = state.query(req.getQuery().getPath(), req.getQuery().getData().toByteArray());
        } catch (RuntimeException e) {
            q = new QueryResult(
                    Kind.UNAVAILABLE.code(),
                    internalError("Query " + req.getQuery().getPath(), e),
                    req.getQuery().getData().toByteArray(),
                    null,
                    state.height());
        }
        ResponseQuery.Builder b = ResponseQuery.newBuilder()
                .setCode(q.code())
                .setLog(q.log())
                .setHeight(q.height())
                .setKey(req.getQuery().getData());
        if (q.value() != null) {
            b.setValue(ByteString.copyFrom(q.value()));
        }
        if (q.code() != 0) {
            b.setCodespace(TxOutcome.CODESPACE);
        }
        return Response.newBuilder().setQuery(b).build();
    }

    private Response checkTx(Request req) {
        TxOutcome o;
        try {
            o = state.checkTx(req.getCheckTx().getTx().toByteArray());
        } catch (RuntimeException e) {
            o = new TxOutcome(Kind.UNAVAILABLE.code(), internalError("CheckTx", e), List.of());
        }
        return Response.newBuilder()
                .setCheckTx(ResponseCheckTx.newBuilder()
                        .setCode(o.code())
                        .setLog(o.log())
                        .setCodespace(o.codespace()))
                .build();
    }

    private Response prepare(RequestPrepareProposal r) {
        List<byte[]> txs = new ArrayList<>(r.getTxsCount());
        r.getTxsList().forEach(t -> txs.add(t.toByteArray()));
        long budget = r.getMaxTxBytes() > 0 ? r.getMaxTxBytes() : Long.MAX_VALUE;
        ResponsePrepareProposal.Builder b = ResponsePrepareProposal.newBuilder();
        state.prepareProposal(r.getHeight(), millis(r.getTime()), txs, budget)
                .forEach(t -> b.addTxs(ByteString.copyFrom(t)));
        return Response.newBuilder().setPrepareProposal(b).build();
    }

    private Response finalizeBlock(RequestFinalizeBlock r) {
        List<byte[]> txs = new ArrayList<>(r.getTxsCount());
        r.getTxsList().forEach(t -> txs.add(t.toByteArray()));
        LedgerState.BlockOutcome out = state.finalizeBlock(r.getHeight(), millis(r.getTime()), txs);
        ResponseFinalizeBlock.Builder b =
                ResponseFinalizeBlock.newBuilder().setAppHash(ByteString.copyFrom(out.appHash()));
        out.events().forEach(e -> b.addEvents(toEvent(e)));
        for (TxOutcome o : out.txs()) {
            b.addTxResults(toExec(o));
        }
        return Response.newBuilder().setFinalizeBlock(b).build();
    }

    /** A block time as the ledger uses it: ms since the Unix epoch (CometBFT block times have ms precision). */
    static long millis(com.google.protobuf.Timestamp t) {
        return Math.addExact(Math.multiplyExact(t.getSeconds(), 1000L), t.getNanos() / 1_000_000);
    }

    public static ExecTxResult toExec(TxOutcome o) {
        ExecTxResult.Builder b =
                ExecTxResult.newBuilder().setCode(o.code()).setLog(o.log()).setCodespace(o.codespace());
        for (LedgerEvent e : o.events()) {
            b.addEvents(toEvent(e));
        }
        return b.build();
    }

    public static Event toEvent(LedgerEvent e) {
        Event.Builder b = Event.newBuilder().setType(e.type());
        for (LedgerEvent.Attribute a : e.attributes()) {
            b.addAttributes(EventAttribute.newBuilder()
                    .setKey(a.key())
                    .setValue(a.value())
                    .setIndex(a.index()));
        }
        return b.build();
    }
}
