-- Q-2 throughput of the hall floor: every status change of a ticket (call, start, finish, skip, ...) is an update of
-- its status, never a HOT update, so PostgreSQL adds an entry to each index of q_ticket whose predicate the new row
-- version meets. The two indexes below are read only for the rows their predicate keeps, so they are made partial:
-- a ticket that is issued, called, started and finished gets 2 + 1 entries in them instead of 4 + 4.
-- H2 has no partial indexes and keeps the full ones of V700 and V750 (db/vendor/h2/queue/V771).

-- Not q_ticket_service_ix (service_id, business_date, status): as a partial index of the WAITING tickets, tiny when the
-- table was last analyzed (a hall before opening), the planner scanned it whole for the claim of one ticket by id and
-- for the candidates of every service — hundreds of dead entries per call under load — instead of the primary key and
-- the service's range.

-- the tickets a window holds or has skipped: the rating pad's check whether the window has called anyone since the
-- ticket to rate was finished (Q-8, Ratings.rateableNow) reads these and the window's finished tickets below; the
-- closing of skipped tickets whose time to come back is over (QueueDeskService.doCloseDay, status = 'SKIPPED' of any
-- day) reads the skipped ones here, as it read the status column of the full index before (without them: a table scan)
drop index q_ticket_window_ix;
create index q_ticket_window_ix on q_ticket (window_id) where status in ('CALLED', 'SERVING', 'SKIPPED');

-- the finished tickets of a window by finish time (Q-8: its latest finished ticket, and those called and finished
-- after the ticket to rate); a ticket gets its entry once, when it is finished (done, cancelled or no-show)
drop index q_ticket_finished_ix;
create index q_ticket_finished_ix on q_ticket (window_id, finished_at) where finished_at is not null;
