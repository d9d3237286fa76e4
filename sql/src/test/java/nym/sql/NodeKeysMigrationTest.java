package nym.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** V11 (issue 18) on a real PostgreSQL: one node per Sphinx key, address and client listener; keys go with their node. */
class NodeKeysMigrationTest {

    private static final String UNIQUE_VIOLATION = "23505";

    @RegisterExtension
    final TestDatabase db = TestDatabase.migrated("nym_v11_");

    @Test
    void apply_directoryNode_noLayerNorLifelongSphinxKeyButLeftAndApproved() throws SQLException {
        List<String> columns = db.columns("directory_node");
        assertFalse(columns.contains("layer"), columns.toString());
        assertFalse(columns.contains("sphinx_key"), columns.toString());
        assertTrue(columns.contains("left_at") && columns.contains("approved"), columns.toString());
        node("a", "mixnode", "h:1", null);
        assertEquals("f", db.query("SELECT approved FROM directory_node WHERE identity_key = 'a'"));
    }

    @Test
    void insert_sameSphinxKeyForAnotherNodeOrEpoch_refused() throws SQLException {
        node("a", "mixnode", "h:1", null);
        node("b", "mixnode", "h:2", null);
        key("a", 7, "K");

        assertEquals(UNIQUE_VIOLATION, refused("INSERT INTO node_sphinx_key VALUES ('b', 7, 'K', '{}')"));
        assertEquals(UNIQUE_VIOLATION, refused("INSERT INTO node_sphinx_key VALUES ('a', 8, 'K', '{}')"));
        key("b", 7, "L");
    }

    @Test
    void insert_sameAddressForAnotherKind_refused() throws SQLException {
        node("a", "mixnode", "h:1", null);

        assertEquals(
                UNIQUE_VIOLATION,
                refused("INSERT INTO directory_node (identity_key, kind, address, first_seen, last_seen, "
                        + "last_presence_ts) VALUES ('g', 'gateway', 'h:1', 1, 1, 1)"));
    }

    @Test
    void insert_sameClientListenerForAnotherGateway_refusedWhileValidatorsHaveNone() throws SQLException {
        node("g1", "gateway", "h:1", "c:1");
        node("v1", "validator", "http://v1", null);
        node("v2", "validator", "http://v2", null);

        assertEquals(
                UNIQUE_VIOLATION,
                refused("INSERT INTO directory_node (identity_key, kind, address, client_listener, first_seen, "
                        + "last_seen, last_presence_ts) VALUES ('g2', 'gateway', 'h:2', 'c:1', 1, 1, 1)"));
    }

    @Test
    void delete_node_itsKeysGoWithIt() throws SQLException {
        node("a", "mixnode", "h:1", null);
        key("a", 7, "K");

        db.execute("DELETE FROM directory_node WHERE identity_key = 'a'");

        assertEquals("0", db.query("SELECT count(*) FROM node_sphinx_key"));
    }

    private void node(String key, String kind, String address, String clientListener) throws SQLException {
        db.execute("INSERT INTO directory_node (identity_key, kind, address, client_listener, first_seen, last_seen, "
                + "last_presence_ts) VALUES ('" + key + "', '" + kind + "', '" + address + "', "
                + (clientListener == null ? "NULL" : "'" + clientListener + "'") + ", 1, 1, 1)");
    }

    private void key(String node, long epoch, String key) throws SQLException {
        db.execute("INSERT INTO node_sphinx_key VALUES ('" + node + "', " + epoch + ", '" + key + "', '{}')");
    }

    private String refused(String sql) {
        return assertThrows(SQLException.class, () -> db.execute(sql)).getSQLState();
    }
}
