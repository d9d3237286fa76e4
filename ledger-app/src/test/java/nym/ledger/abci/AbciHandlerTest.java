package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestEcho;
import nym.ledger.abci.proto.Abci.RequestFlush;
import nym.ledger.abci.proto.Abci.RequestInfo;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.state.LedgerState;
import org.junit.jupiter.api.Test;

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
