-- Issue 18: nodes announce one Sphinx key per epoch (the current one and those after it), each with proofs of
-- possession made for the authorities; the authorities assign layers; an address and a Sphinx key belong to one node.

-- One row per node and epoch. The proofs are stored as the node sent them (JSON object: authority key → tag); each
-- authority checks its own when it signs a document listing the key. Rows of old epochs are deleted by the directory.
CREATE TABLE node_sphinx_key (
    identity_key  VARCHAR(43)  NOT NULL REFERENCES directory_node (identity_key) ON DELETE CASCADE,
    epoch         BIGINT       NOT NULL,
    sphinx_key    VARCHAR(43)  NOT NULL,
    proofs        TEXT         NOT NULL,
    PRIMARY KEY (identity_key, epoch)
);

-- A Sphinx key names one node (and one epoch): a second node announcing it would receive the first one's packets.
CREATE UNIQUE INDEX node_sphinx_key_unique ON node_sphinx_key (sphinx_key);
CREATE INDEX node_sphinx_key_epoch ON node_sphinx_key (epoch);

-- Layers are assigned per epoch by the authorities (directory-api LayerAssignment), no longer chosen by the node;
-- the one lifelong Sphinx key gives way to the keys above.
ALTER TABLE directory_node DROP COLUMN layer;
ALTER TABLE directory_node DROP COLUMN sphinx_key;
-- Set by a node's signed leave notice (ms since the epoch), cleared by its next presence: a node that left is in no
-- later document.
ALTER TABLE directory_node ADD COLUMN left_at BIGINT;
-- Operator approval, which admission policy "approved" requires of every listed node.
ALTER TABLE directory_node ADD COLUMN approved BOOLEAN NOT NULL DEFAULT FALSE;

-- An address belongs to one node whatever its kind (it was unique per kind), and so does a gateway's client listener.
DROP INDEX directory_node_address;
CREATE UNIQUE INDEX directory_node_address ON directory_node (address);
CREATE UNIQUE INDEX directory_node_client_listener ON directory_node (client_listener);
