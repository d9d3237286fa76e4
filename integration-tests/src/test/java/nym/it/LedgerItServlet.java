package nym.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;

/**
 * Test endpoints inside the EAR (LedgerAdapterIT's test WAR): a broadcast through the adapter's connection factory,
 * a call to a node that never answers, and the deliveries the test MDB recorded. Plain text answers.
 */
@WebServlet("/ledger-it/*")
public class LedgerItServlet extends HttpServlet {

    static final String LEDGER = "java:app/ledger-it/Ledger";
    static final String HUNG_LEDGER = "java:app/ledger-it/HungLedger";

    private static LedgerConnectionFactory factory(String name) throws IOException {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IOException("lookup of " + name + " failed", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/broadcast-commit".equals(req.getPathInfo())) {
            resp.sendError(404);
            return;
        }
        byte[] tx = HexFormat.of()
                .parseHex(new String(req.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        try (LedgerConnection c = factory(LEDGER).getConnection()) {
            CommitResult r = c.broadcastCommit(tx).requireOk();
            text(
                    resp,
                    r.hash() + " " + r.height() + " "
                            + r.txResult().events().stream()
                                    .map(e -> e.id() + ":" + e.type())
                                    .collect(Collectors.joining(",")));
        } catch (LedgerException e) {
            text(resp, "ERROR " + e.kind() + " " + e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (String.valueOf(req.getPathInfo())) {
            case "/hung-node" -> {
                long start = System.nanoTime();
                try (LedgerConnection c = factory(HUNG_LEDGER).getConnection()) {
                    text(resp, "ANSWERED " + c.status());
                } catch (LedgerException e) {
                    text(resp, e.kind() + " " + (System.nanoTime() - start) / 1_000_000 + " " + e.getMessage());
                }
            }
            case "/deliveries" -> {
                StringBuilder out = new StringBuilder();
                try {
                    DataSource ds = InitialContext.doLookup("jdbc/nym");
                    try (Connection c = ds.getConnection()) {
                        LedgerRecorderMdb.createTable(c);
                        try (PreparedStatement p = c.prepareStatement(
                                "SELECT event_id, event_type, tx_hash FROM ledger_it_delivery WHERE subscriber = ? ORDER BY seq")) {
                            p.setString(1, req.getParameter("subscriber"));
                            try (ResultSet rs = p.executeQuery()) {
                                while (rs.next()) {
                                    out.append(rs.getString(1))
                                            .append(' ')
                                            .append(rs.getString(2))
                                            .append(' ')
                                            .append(rs.getString(3))
                                            .append('\n');
                                }
                            }
                        }
                    }
                } catch (NamingException | SQLException e) {
                    throw new IOException(e);
                }
                text(resp, out.toString());
            }
            default -> resp.sendError(404);
        }
    }

    private static void text(HttpServletResponse resp, String body) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(body);
    }
}
