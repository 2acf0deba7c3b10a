-- Q-2: as on PostgreSQL (db/vendor/postgresql/queue/V774), the centre's waiting and skipped tickets are read through
-- its services and the tickets transferred to a window by name through an index of their own; H2 has no partial
-- indexes, so that index is a full one.
drop index q_ticket_waiting_ix;
create index q_ticket_target_ix on q_ticket (target_window_id, business_date);
