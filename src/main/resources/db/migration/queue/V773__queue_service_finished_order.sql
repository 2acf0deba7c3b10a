-- Q-6: the wait estimate averages the handling time of each service's latest finished tickets of the day
-- (QueueRules.estimateSampleSize). The service index gains the finish time, so that those tickets are read backwards
-- from the index, a few per service, instead of every ticket the centre finished today being read and sorted (on a
-- busy day, each refresh of the floor read and sorted the whole day). The candidates of a call read it as before,
-- by (service_id, business_date, 'WAITING'); a ticket makes no more index entries than before.
drop index q_ticket_service_ix;
create index q_ticket_service_ix on q_ticket (service_id, business_date, status, finished_at);
