-- Q-2 throughput of the hall floor, Q-4: every live event got an entry in q_event_ix (centre_id, id) beside its
-- primary key, five per served ticket, while the log is read in id order along the primary key (the hub's reading of
-- all centres, a stream's replay after its last event id, bounded by the hub's position) and by centre only for what a
-- hall display shows on opening: the centre's latest calls (LiveLog.latestCalls). That index is now partial, of the
-- calls only: one entry per served ticket instead of five.
drop index q_event_ix;
create index q_event_called_ix on q_event (centre_id, id) where event_type = 'ticket.called';
