-- Q-6, Q-9: the floor scan of each centre. Its row is locked by the scan's transaction, so that scans of a centre (the
-- scheduled one on every node, an on-demand one) run one after the other and raise an alert once; stats_hash is the
-- SHA-256 of the last queue.stats live event published, which goes out again only when it changed.
-- Migrations of the floor view and alerts: 740–749.
create table q_floor_scan
(
    centre_id    bigint                   not null primary key,
    last_scan_at timestamp with time zone,
    stats_hash   varchar(64)
);
