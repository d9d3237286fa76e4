-- Issue 22: the dashboard's traffic history (an hour) kept as per-minute sums per mix node, shared by every instance of
-- the group: each accepted report is added to its node's row of the minute the directory accepted it in. Aggregates
-- only, like mix_metrics: no per-link split, no client ids. Rows older than two hours are deleted every minute.

-- minute_start: ms since the epoch, a multiple of 60,000. reports: how many reports were added to the row.
CREATE TABLE mix_traffic_minute (
    minute_start  BIGINT      NOT NULL CHECK (minute_start % 60000 = 0),
    identity_key  VARCHAR(43) NOT NULL,
    reports       INTEGER     NOT NULL CHECK (reports > 0),
    received      BIGINT      NOT NULL CHECK (received >= 0),
    sent          BIGINT      NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (minute_start, identity_key)
);

-- The same minute's drops by reason (the node's own lower_snake reason names); a row per reason with a drop.
CREATE TABLE mix_drop_minute (
    minute_start  BIGINT      NOT NULL,
    identity_key  VARCHAR(43) NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    dropped       BIGINT      NOT NULL CHECK (dropped >= 0),
    PRIMARY KEY (minute_start, identity_key, reason),
    FOREIGN KEY (minute_start, identity_key) REFERENCES mix_traffic_minute ON DELETE CASCADE
);
