-- The authorities' side of the credential flow (issue 10). One shared database serves every instance of the
-- deployment group, and instance i is authority i, so every row belongs to an authority.

-- What each issuer did with each credential request the ledger recorded (event credential_request): one row per
-- (authority, request), written in the same transaction that consumes the event, so a redelivered event or a
-- request already served never gets a second signature. Exactly one of blinded_signature (issued: σ̃ in Coconut's
-- text form) and refusal (why it was not signed: bad π_s, malformed payload) is set.
CREATE TABLE issued_credential (
    authority          INTEGER      NOT NULL CHECK (authority > 0),
    request_id         VARCHAR(64)  NOT NULL,
    event_id           VARCHAR(64)  NOT NULL,
    requester          VARCHAR(42)  NOT NULL,
    value              BIGINT       NOT NULL,
    blinded_signature  TEXT,
    refusal            VARCHAR(512),
    processed_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (authority, request_id),
    CHECK ((blinded_signature IS NULL) <> (refusal IS NULL))
);

-- What each verifier voted on each deposit (event redeem), one row per (authority, deposit), written after the vote
-- reached the ledger: a redelivered event is not voted again. outcome: sent (the ledger took the vote),
-- duplicate_vote / already_settled (the ledger had this vote or had settled: nothing left to do), refused (the
-- ledger refused the vote for another reason, in ledger_log).
CREATE TABLE verification_vote (
    authority     INTEGER      NOT NULL CHECK (authority > 0),
    deposit_id    VARCHAR(64)  NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,
    provider      VARCHAR(42)  NOT NULL,
    zeta          VARCHAR(96)  NOT NULL,
    value         BIGINT       NOT NULL,
    accept        BOOLEAN      NOT NULL,
    reason        VARCHAR(512),
    outcome       VARCHAR(16)  NOT NULL CHECK (outcome IN ('sent', 'duplicate_vote', 'already_settled', 'refused')),
    vote_tx       VARCHAR(64),
    ledger_log    VARCHAR(512),
    voted_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (authority, deposit_id)
);
