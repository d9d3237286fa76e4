package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import java.util.List;
import nym.ledger.TestNet;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestFinalizeBlock;
import nym.ledger.abci.proto.Abci.RequestInitChain;
import nym.ledger.abci.proto.Abci.RequestPrepareProposal;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.state.LedgerState;
import org.junit.jupiter.api.Test;

/** Request → state mapping, called directly (no socket). */
class AbciApplicationTest {
    private final TestNet net = new TestNet();

    private static AbciApplication app(LedgerState state, TestNet net) {
        AbciApplication app = new AbciApplication(state);
        app.handle(Request.newBuilder()
                .setInitChain(RequestInitChain.newBuilder()
                        .setChainId(TestNet.CHAIN)
                        .setInitialHeight(1)
                        .setAppStateBytes(ByteString.copyFrom(net.genesis())))
                .build());
        return app;
    }

    private static List<ByteString> prepare(AbciApplication app, long maxTxBytes, List<byte[]> txs) {
        Response r = app.handle(Request.newBuilder()
                .setPrepareProposal(RequestPrepareProposal.newBuilder()
                        .setHeight(1)
                        .setMaxTxBytes(maxTxBytes)
                        .addAllTxs(txs.stream().map(ByteString::copyFrom).toList()))
                .build());
        return r.getPrepareProposal().getTxsList();
    }

    @Test
    void prepareProposal_txsThatWouldFail_droppedInOrderWithinMaxTxBytes() {
        try (LedgerState state = LedgerState.inMemory()) {
            AbciApplication app = app(state, net);
            byte[] pay = net.tx.transfer(net.alice, 0, net.bob.address(), 600);
            byte[] overdraw = net.tx.transfer(net.alice, 1, net.bob.address(), 600); // 400 left after pay
            byte[] afterDropped = net.tx.transfer(net.alice, 2, net.bob.address(), 1); // nonce 1 was never used
            byte[] fromProceeds = net.tx.transfer(net.bob, 0, net.alice.address(), 100); // bob has 600 after pay
            byte[] junk = {1, 2, 3};
            byte[] notProvider = net.tx.credentialDeposit(net.alice, 1, TestNet.zeta(1), 10, new byte[] {1});
            List<byte[]> mempool = List.of(pay, overdraw, afterDropped, fromProceeds, junk, notProvider);

            List<ByteString> chosen = prepare(app, 1 << 20, mempool);
            assertEquals(List.of(ByteString.copyFrom(pay), ByteString.copyFrom(fromProceeds)), chosen);
            assertEquals(
                    List.of(ByteString.copyFrom(pay)), prepare(app, pay.length + fromProceeds.length - 1, mempool));

            Response block = app.handle(Request.newBuilder()
                    .setFinalizeBlock(
                            RequestFinalizeBlock.newBuilder().setHeight(1).addAllTxs(chosen))
                    .build());
            block.getFinalizeBlock().getTxResultsList().forEach(r -> assertEquals(0, r.getCode(), r.getLog()));
        }
    }
}
