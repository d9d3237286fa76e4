package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nym.ledger.Hex;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestCheckTx;
import nym.ledger.abci.proto.Abci.RequestEcho;
import nym.ledger.abci.proto.Abci.RequestFlush;
import nym.ledger.abci.proto.Abci.RequestInfo;
import nym.ledger.abci.proto.Abci.RequestQuery;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.state.Executor;
import nym.ledger.state.LedgerState;
import nym.ledger.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server pipeline on an EmbeddedChannel (run under paranoid leak detection by the build). */
class AbciHandlerTest {

    private static ByteBuf frame(Request... rs) {
        ByteBuf b = Unpooled.buffer();
        for (Request r : rs) {
            Varint.write(b, r.getSerializedSize());
            b.writeBytes(r.toByteArray());
        }
        return b;
    }

    private static List<Response> drain(EmbeddedChannel ch) throws Exception {
        List<Response> out = new ArrayList<>();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        try (ByteBufInputStream in = new ByteBufInputStream(all, true)) {
            while (in.available() > 0) {
                long len = Varint.read(in);
                out.add(Response.parseFrom(in.readNBytes((int) len)));
            }
        }
        return out;
    }

    @Test
    void pipeline_requestsInOneBuffer_responsesInOrderIncludingFlush() throws Exception {
        try (LedgerState state = LedgerState.inMemory()) {
            EmbeddedChannel ch =
                    new EmbeddedChannel(new AbciFrameDecoder(), new AbciServer.Handler(new AbciApplication(state)));
            ch.writeInbound(frame(
                    Request.newBuilder()
                            .setEcho(RequestEcho.newBuilder().setMessage("a"))
                            .build(),
                    Request.newBuilder()
                            .setInfo(RequestInfo.getDefaultInstance())
                            .build(),
                    Request.newBuilder()
                            .setEcho(RequestEcho.newBuilder().setMessage("b"))
                            .build(),
                    Request.newBuilder()
                            .setFlush(RequestFlush.getDefaultInstance())
                            .build()));
            List<Response> rs = drain(ch);
            assertEquals(4, rs.size());
            assertEquals("a", rs.get(0).getEcho().getMessage());
            assertEquals(0, rs.get(1).getInfo().getLastBlockHeight());
            assertEquals("b", rs.get(2).getEcho().getMessage());
            assertTrue(rs.get(3).hasFlush());
            assertNull(ch.readInbound());
            assertFalse(ch.finishAndReleaseAll());
        }
    }

    /**
     * A state whose committed account record of {@code victim} is 3 bytes instead of 16: reading it throws
     * BufferUnderflowException, a runtime failure no refusal kind covers (a stand-in for any bug or corruption).
     */
    private static LedgerState corruptAccount(Path dir, TestNet net, byte[] victim) {
        try (LedgerState s = LedgerState.open(dir)) {
            s.initChain(TestNet.CHAIN, net.genesis());
        }
        try (StateStore store = StateStore.open(dir)) {
            Map<String, byte[]> corrupt = Map.of(Executor.accountKey(victim), new byte[3]);
            store.apply(corrupt);
            store.commit(1, store.computeHash(), corrupt);
        }
        return LedgerState.open(dir);
    }

    @Test
    void pipeline_checkTxAndQueryThrowingInside_answeredWithCodeAndConnectionStaysOpen(@TempDir Path dir)
            throws Exception {
        TestNet net = new TestNet();
        try (LedgerState state = corruptAccount(dir, net, net.alice.address())) {
            EmbeddedChannel ch =
                    new EmbeddedChannel(new AbciFrameDecoder(), new AbciServer.Handler(new AbciApplication(state)));
            ch.writeInbound(frame(
                    Request.newBuilder()
                            .setCheckTx(RequestCheckTx.newBuilder()
                                    .setTx(ByteString.copyFrom(net.tx.transfer(net.alice, 0, net.bob.address(), 1))))
                            .build(),
                    Request.newBuilder()
                            .setQuery(RequestQuery.newBuilder()
                                    .setPath("/account")
                                    .setData(ByteString.copyFromUtf8(Hex.prefixed(net.alice.address()))))
                            .build(),
                    Request.newBuilder()
                            .setEcho(RequestEcho.newBuilder().setMessage("still here"))
                            .build()));
            List<Response> rs = drain(ch);
            assertEquals(3, rs.size());
            assertEquals(Kind.UNAVAILABLE.code(), rs.get(0).getCheckTx().getCode());
            assertTrue(
                    rs.get(0).getCheckTx().getLog().contains("internal error"),
                    rs.get(0).getCheckTx().getLog());
            assertEquals(Kind.UNAVAILABLE.code(), rs.get(1).getQuery().getCode());
            assertTrue(rs.get(1).getQuery().getLog().contains("internal error"));
            assertEquals("still here", rs.get(2).getEcho().getMessage());
            assertTrue(ch.isOpen());
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void pipeline_emptyRequest_answersExceptionAndStaysOpen() throws Exception {
        try (LedgerState state = LedgerState.inMemory()) {
            EmbeddedChannel ch =
                    new EmbeddedChannel(new AbciFrameDecoder(), new AbciServer.Handler(new AbciApplication(state)));
            ch.writeInbound(frame(
                    Request.getDefaultInstance(),
                    Request.newBuilder()
                            .setEcho(RequestEcho.newBuilder().setMessage("still here"))
                            .build()));
            List<Response> rs = drain(ch);
            assertTrue(rs.get(0).hasException());
            assertEquals("still here", rs.get(1).getEcho().getMessage());
            assertTrue(ch.isOpen());
            ch.finishAndReleaseAll();
        }
    }
}
