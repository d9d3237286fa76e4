package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.abci.proto.Abci.ResponseCommit;
import nym.ledger.abci.proto.Abci.ResponseFinalizeBlock;
import org.junit.jupiter.api.Test;

/** Hand-assembled bytes with CometBFT v0.38's field numbers, decoded and encoded by the generated classes. */
class AbciWireTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void requestFinalizeBlock_field20_txsAndHeight() throws Exception {
        // Request.finalize_block = 20 (tag a2 01), inner: txs = 1 ("ab"), height = 5 (tag 28)
        Request r = Request.parseFrom(HEX.parseHex("a201" + "06" + "0a026162" + "2805"));
        assertEquals(Request.ValueCase.FINALIZE_BLOCK, r.getValueCase());
        assertEquals("ab", r.getFinalizeBlock().getTxs(0).toStringUtf8());
        assertEquals(5, r.getFinalizeBlock().getHeight());
    }

    @Test
    void requestInfoAndCheckTx_fields3And8() throws Exception {
        assertEquals(
                Request.ValueCase.INFO, Request.parseFrom(HEX.parseHex("1a00")).getValueCase());
        Request c = Request.parseFrom(HEX.parseHex("4205" + "0a017a" + "1001")); // check_tx{tx:"z", type:RECHECK}
        assertEquals("z", c.getCheckTx().getTx().toStringUtf8());
        assertEquals(
                nym.ledger.abci.proto.Abci.CheckTxType.RECHECK, c.getCheckTx().getType());
    }

    @Test
    void responses_finalizeBlockField21_commitField12_appHashField5() {
        byte[] fin = Response.newBuilder()
                .setFinalizeBlock(ResponseFinalizeBlock.newBuilder()
                        .setAppHash(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2})))
                .build()
                .toByteArray();
        assertEquals("aa01" + "04" + "2a020102", HEX.formatHex(fin));
        byte[] commit = Response.newBuilder()
                .setCommit(ResponseCommit.newBuilder().setRetainHeight(7))
                .build()
                .toByteArray();
        assertEquals("6202" + "1807", HEX.formatHex(commit));
    }
}
