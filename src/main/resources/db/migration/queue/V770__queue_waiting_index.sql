-- Q-2: the tickets a window may call are read by its services (q_ticket_service_ix) and, for tickets transferred to
-- this very window, by the centre's waiting tickets with their target window: the target is now part of the key, so
-- that the look-up seeks the few targeted tickets instead of reading every waiting ticket of the centre.
drop index q_ticket_waiting_ix;
create index q_ticket_waiting_ix on q_ticket (centre_id, business_date, status, target_window_id);
