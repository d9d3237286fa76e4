package nym.directory.infrastructure.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Optional;
import nym.directory.application.StakeLedger;
import nym.directory.application.StakeLedgerUnavailable;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.QueryResult;

/**
 * {@link StakeLedger} through the EAR's ledger connection factory ({@code java:app/ledger/ConnectionFactory}, defined
 * once for the whole application; ledger-jca/README.md): every query is bounded by the adapter's timeout and fails
 * over between the configured ledger nodes. A non-zero answer code or no value is the ledger's "not found".
 */
@ApplicationScoped
public class JcaStakeLedger implements StakeLedger {

    @Resource(lookup = "java:app/ledger/ConnectionFactory")
    LedgerConnectionFactory factory;

    @Override
    public Optional<JsonObject> stakeParams() {
        JsonObject params = query("/params", new byte[0])
                .orElseThrow(() -> new StakeLedgerUnavailable("no answer to /params", null));
        JsonValue stake = params.get("stake");
        if (stake == null || stake.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (stake.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new StakeLedgerUnavailable("/params has a stake that is not an object", null);
        }
        return Optional.of(stake.asJsonObject());
    }

    @Override
    public Optional<JsonObject> nodes() {
        return query("/stake/nodes", new byte[0]);
    }

    @Override
    public Optional<JsonObject> node(byte[] identity) {
        return query("/stake/node", identity);
    }

    @Override
    public Optional<JsonObject> active(long epoch) {
        return query("/stake/active", epochData(epoch));
    }

    @Override
    public Optional<JsonObject> settlement(long epoch) {
        return query("/stake/epoch", epochData(epoch));
    }

    private static byte[] epochData(long epoch) {
        return ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
    }

    private Optional<JsonObject> query(String path, byte[] data) {
        QueryResult r;
        try (LedgerConnection c = factory.getConnection()) {
            r = c.query(path, data);
        } catch (LedgerException e) {
            throw new StakeLedgerUnavailable(path + ": " + e.getMessage(), e);
        }
        if (!r.ok() || r.value() == null || r.value().length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.valueAsString()))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new StakeLedgerUnavailable(
                    "the ledger answered " + path + " with something that is not a JSON object", e);
        }
    }
}
