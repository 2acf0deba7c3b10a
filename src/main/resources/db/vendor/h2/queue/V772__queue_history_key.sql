-- Q-2: as on PostgreSQL (db/vendor/postgresql/queue/V772), the history's primary key is (ticket_id, id) and the
-- separate index on ticket_id goes: one index entry per row instead of two.
alter table q_ticket_history drop primary key;
alter table q_ticket_history add constraint q_ticket_history_pkey primary key (ticket_id, id);
drop index q_ticket_history_ix;
