-- Q-2, Q-3, Q-5: what the calling needs beyond V700.
-- rank_at: the instant the calling rule ranks a waiting ticket by (Q-3). It is queued_at when the ticket is issued and
-- stays so across a transfer (转窗 keeps the original wait, Q-2); a 过号 ticket that comes back is placed after
-- openhall.queue.skip-return-position waiting tickets, a ticket released by a signing-out window goes to the front.
alter table q_ticket add column rank_at timestamp with time zone;
update q_ticket set rank_at = queued_at;
alter table q_ticket alter column rank_at set not null;
-- Q-2: how often a skipped ticket came back (openhall.queue.skip-returns-allowed)
alter table q_ticket add column return_count int not null default 0;
create index q_ticket_service_ix on q_ticket (service_id, business_date, status);
-- Q-5: one window per person. staff_id is set only while signed in, so the database refuses a second sign-in of the
-- same person at another window, on any node (NULLs do not collide).
alter table q_window_state add constraint q_window_state_staff_uq unique (staff_id);
create index q_window_service_service_ix on q_window_service (service_id);
