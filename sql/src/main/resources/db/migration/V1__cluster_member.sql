-- Every application instance records itself here when it starts and refreshes last_seen while it runs, so an
-- operator (and the cluster check) can see which instances share this database and which are alive.
CREATE TABLE cluster_member (
    instance_name  VARCHAR(128) PRIMARY KEY,
    authority      INTEGER,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cluster_member_last_seen ON cluster_member (last_seen);
