-- Q-2 throughput of the hall floor: q_ticket_waiting_ix (centre_id, business_date, status, target_window_id) got an
-- entry on every status change of every ticket (a status change is never a HOT update), while what only it served was
-- the look-up of the tickets transferred to one window by name (a call's second part of its candidates). The centre's
-- waiting and skipped tickets are read through its services along q_ticket_service_ix instead, and the tickets
-- transferred to a window have an index of their own, partial: a ticket gets entries in it only if it was transferred
-- to a window by name — 4 index entries fewer for every ticket served.
drop index q_ticket_waiting_ix;
create index q_ticket_target_ix on q_ticket (target_window_id, business_date) where target_window_id is not null;
