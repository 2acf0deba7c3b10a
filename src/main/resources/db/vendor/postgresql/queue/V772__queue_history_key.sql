-- Q-2 throughput of the hall floor: every desk command adds a row to q_ticket_history. Its rows are read only by
-- ticket, in order (a ticket's history), never by their id alone, so the primary key becomes (ticket_id, id) and the
-- separate index on ticket_id goes: one index entry per row instead of two.
alter table q_ticket_history drop constraint q_ticket_history_pkey;
alter table q_ticket_history add constraint q_ticket_history_pkey primary key (ticket_id, id);
drop index q_ticket_history_ix;
