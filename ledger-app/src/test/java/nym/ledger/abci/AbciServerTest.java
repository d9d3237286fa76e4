package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nym.ledger.Hex;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestCheckTx;
import nym.ledger.abci.proto.Abci.RequestCommit;
import nym.ledger.abci.proto.Abci.RequestEcho;
import nym.ledger.abci.proto.Abci.RequestFinalizeBlock;
import nym.ledger.abci.proto.Abci.RequestInfo;
import nym.ledger.abci.proto.Abci.RequestInitChain;
import nym.ledger.abci.proto.Abci.RequestListSnapshots;
import nym.ledger.abci.proto.Abci.RequestPrepareProposal;
import nym.ledger.abci.proto.Abci.RequestProcessProposal;
import nym.ledger.abci.proto.Abci.RequestQuery;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.abci.proto.Abci.ResponseProcessProposal;
import nym.ledger.state.LedgerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the server the way CometBFT v0.38 does: four connections, Info handshake, Flush after each call. */
class AbciServerTest {

    private static Request info() {
        return Request.newBuilder()
                .setInfo(RequestInfo.newBuilder()
                        .setVersion("0.38.0")
                        .setBlockVersion(11)
                        .setP2PVersion(8)
                        .setAbciVersion("2.0.0"))
                .build();
    }

    private static Request checkTx(byte[] tx) {
        return Request.newBuilder()
                .setCheckTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFrom(tx)))
                .build();
    }

    @Test
    void cometLikeClient_fourConnections_handshakeBlocksAndQueries(@TempDir Path dir) {
        TestNet net = new TestNet();
        byte[] committedHash;
        try (LedgerState state = LedgerState.open(dir);
                AbciServer server = AbciServer.start(new AbciApplication(state), "tcp://127.0.0.1:0");
                AbciClient consensus = new AbciClient(server.address(), "consensus");
                AbciClient mempool = new AbciClient(server.address(), "mempool");
                AbciClient query = new AbciClient(server.address(), "query");
                AbciClient snapshot = new AbciClient(server.address(), "snapshot")) {
            // handshake
            assertEquals(
                    "hi",
                    query.call(Request.newBuilder()
                                    .setEcho(RequestEcho.newBuilder().setMessage("hi"))
                                    .build())
                            .getEcho()
                            .getMessage());
            Response i0 = query.call(info());
            assertEquals(0, i0.getInfo().getLastBlockHeight());
            Response init = consensus.call(Request.newBuilder()
                    .setInitChain(RequestInitChain.newBuilder()
                            .setChainId(TestNet.CHAIN)
                            .setInitialHeight(1)
                            .setAppStateBytes(ByteString.copyFrom(net.genesis())))
                    .build());
            assertEquals(32, init.getInitChain().getAppHash().size());
            assertEquals(
                    0,
                    snapshot.call(Request.newBuilder()
                                    .setListSnapshots(RequestListSnapshots.getDefaultInstance())
                                    .build())
                            .getListSnapshots()
                            .getSnapshotsCount());

            // mempool: 20 pipelined CheckTx then one Flush; answers in order (every 5th has a wrong nonce)
            List<byte[]> txs = new ArrayList<>();
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            long nonce = 0;
            for (int i = 0; i < 20; i++) {
                boolean bad = i % 5 == 4;
                byte[] tx = net.tx.transfer(net.alice, bad ? 999 : nonce++, net.bob.address(), 1);
                if (!bad) {
                    txs.add(tx);
                }
                answers.add(mempool.sendAsync(checkTx(tx)));
            }
            AbciClient.await(mempool.flush(), 10);
            for (int i = 0; i < 20; i++) {
                int code = AbciClient.await(answers.get(i), 10).getCheckTx().getCode();
                assertEquals(i % 5 == 4 ? Kind.WRONG_NONCE.code() : 0, code, "CheckTx " + i);
            }

            // consensus: PrepareProposal, ProcessProposal, FinalizeBlock, Commit
            List<ByteString> bs = txs.stream().map(ByteString::copyFrom).toList();
            Response prep = consensus.call(Request.newBuilder()
                    .setPrepareProposal(RequestPrepareProposal.newBuilder()
                            .setMaxTxBytes(1 << 20)
                            .addAllTxs(bs)
                            .setHeight(1))
                    .build());
            assertEquals(16, prep.getPrepareProposal().getTxsCount());
            assertEquals(
                    ResponseProcessProposal.ProposalStatus.ACCEPT,
                    consensus
                            .call(Request.newBuilder()
                                    .setProcessProposal(RequestProcessProposal.newBuilder()
                                            .addAllTxs(bs)
                                            .setHeight(1))
                                    .build())
                            .getProcessProposal()
                            .getStatus());
            Response fin = consensus.call(Request.newBuilder()
                    .setFinalizeBlock(
                            RequestFinalizeBlock.newBuilder().addAllTxs(bs).setHeight(1))
                    .build());
            assertEquals(16, fin.getFinalizeBlock().getTxResultsCount());
            fin.getFinalizeBlock().getTxResultsList().forEach(r -> assertEquals(0, r.getCode(), r.getLog()));
            assertEquals(
                    "transfer",
                    fin.getFinalizeBlock().getTxResults(0).getEvents(0).getType());
            consensus.call(Request.newBuilder()
                    .setCommit(RequestCommit.getDefaultInstance())
                    .build());

            Response i1 = query.call(info());
            assertEquals(1, i1.getInfo().getLastBlockHeight());
            assertEquals(fin.getFinalizeBlock().getAppHash(), i1.getInfo().getLastBlockAppHash());
            committedHash = i1.getInfo().getLastBlockAppHash().toByteArray();

            Response q = query.call(Request.newBuilder()
                    .setQuery(RequestQuery.newBuilder()
                            .setPath("/balance")
                            .setData(ByteString.copyFrom(net.bob.address())))
                    .build());
            assertEquals(0, q.getQuery().getCode());
            assertTrue(q.getQuery().getValue().toStringUtf8().contains("\"balance\":\"16\""));
            assertEquals(1, q.getQuery().getHeight());

            // a protocol violation is an exception response, and the connection stays usable
            CompletableFuture<Response> wrong = consensus.sendAsync(Request.newBuilder()
                    .setFinalizeBlock(RequestFinalizeBlock.newBuilder().setHeight(7))
                    .build());
            consensus.flush();
            assertTrue(AbciClient.await(wrong, 10).hasException());
            assertEquals(1, query.call(info()).getInfo().getLastBlockHeight());
        }
        // restart: Info reports the last height and app hash for CometBFT's handshake
        try (LedgerState state = LedgerState.open(dir);
                AbciServer server = AbciServer.start(new AbciApplication(state), "tcp://127.0.0.1:0");
                AbciClient query = new AbciClient(server.address(), "query")) {
            Response i = query.call(info());
            assertEquals(1, i.getInfo().getLastBlockHeight());
            assertArrayEquals(committedHash, i.getInfo().getLastBlockAppHash().toByteArray());
        }
    }

    @Test
    void rawSocket_requestsWrittenByteByByte_answeredInOrderAfterFlush() throws Exception {
        try (LedgerState state = LedgerState.inMemory();
                AbciServer server = AbciServer.start(new AbciApplication(state), "tcp://127.0.0.1:0");
                Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                write(
                        bytes,
                        Request.newBuilder()
                                .setEcho(RequestEcho.newBuilder().setMessage("m" + i))
                                .build());
            }
            write(
                    bytes,
                    Request.newBuilder()
                            .setQuery(RequestQuery.newBuilder().setPath("/params"))
                            .build());
            write(
                    bytes,
                    Request.newBuilder()
                            .setFlush(nym.ledger.abci.proto.Abci.RequestFlush.getDefaultInstance())
                            .build());
            OutputStream out = s.getOutputStream();
            for (byte b : bytes.toByteArray()) {
                out.write(b);
                out.flush();
            }
            InputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < 3; i++) {
                assertEquals("m" + i, read(in).getEcho().getMessage());
            }
            Response q = read(in);
            assertEquals(Kind.UNAVAILABLE.code(), q.getQuery().getCode()); // no genesis yet: clear error
            assertTrue(read(in).hasFlush());
        }
    }

    @Test
    void mempoolAndConsensusConnections_concurrently_stayConsistent() throws Exception {
        TestNet net = new TestNet();
        try (LedgerState state = LedgerState.inMemory();
                AbciServer server = AbciServer.start(new AbciApplication(state), "tcp://127.0.0.1:0");
                AbciClient consensus = new AbciClient(server.address(), "consensus");
                AbciClient mempool = new AbciClient(server.address(), "mempool")) {
            consensus.call(Request.newBuilder()
                    .setInitChain(RequestInitChain.newBuilder()
                            .setChainId(TestNet.CHAIN)
                            .setAppStateBytes(ByteString.copyFrom(net.genesis())))
                    .build());
            // the mempool checks a stream of transfers while the consensus connection commits blocks of them
            List<byte[]> txs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                txs.add(net.tx.transfer(net.alice, i, net.bob.address(), 1));
            }
            Thread checker = new Thread(() -> {
                for (byte[] tx : txs) {
                    mempool.sendAsync(checkTx(tx));
                }
                AbciClient.await(mempool.flush(), 30);
            });
            checker.start();
            long height = 0;
            for (int from = 0; from < txs.size(); from += 40) {
                List<ByteString> block = txs.subList(from, from + 40).stream()
                        .map(ByteString::copyFrom)
                        .toList();
                Response fin = consensus.call(Request.newBuilder()
                        .setFinalizeBlock(RequestFinalizeBlock.newBuilder()
                                .addAllTxs(block)
                                .setHeight(++height))
                        .build());
                fin.getFinalizeBlock().getTxResultsList().forEach(r -> assertEquals(0, r.getCode(), r.getLog()));
                consensus.call(Request.newBuilder()
                        .setCommit(RequestCommit.getDefaultInstance())
                        .build());
            }
            checker.join(30_000);
            assertEquals(5, state.height());
            assertTrue(new String(state.query("/balance", net.bob.address()).value(), StandardCharsets.UTF_8)
                    .contains("\"balance\":\"200\""));
            assertTrue(mempool.isOpen() && consensus.isOpen());
        }
    }

    @Test
    void undecodableRequest_answeredWithExceptionThenClosed() throws Exception {
        try (LedgerState state = LedgerState.inMemory();
                AbciServer server = AbciServer.start(new AbciApplication(state), "tcp://127.0.0.1:0");
                Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // length 3, not a protobuf message
            out.flush();
            InputStream in = s.getInputStream();
            Response r = read(in);
            assertTrue(r.hasException());
            assertTrue(r.getException().getError().startsWith("undecodable request"));
            assertEquals(-1, in.read()); // the server closed the connection
        }
    }

    private static void write(ByteArrayOutputStream out, Request r) throws java.io.IOException {
        Varint.write(out, r.getSerializedSize());
        r.writeTo(out);
    }

    private static Response read(InputStream in) throws java.io.IOException {
        long len = Varint.read(in);
        return Response.parseFrom(in.readNBytes((int) len));
    }

    @Test
    void parseAddress_rejectsNonTcp() {
        assertEquals(26658, AbciServer.parseAddress("tcp://127.0.0.1:26658").getPort());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                org.junit.jupiter.api.Assertions.assertThrows(
                                nym.ledger.LedgerException.class, () -> AbciServer.parseAddress("unix:///tmp/x"))
                        .kind());
        assertEquals(Hex.lower(new byte[] {1}), "01");
        assertEquals("x", new String("x".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
