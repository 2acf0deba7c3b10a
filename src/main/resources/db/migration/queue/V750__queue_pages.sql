-- Q-1 online ticket taking (queue pages, migrations 750–759): tickets taken online per mobile and day, counted with a
-- conditional update so that concurrent requests for one mobile never pass the daily limit
-- (openhall.queue.pages.online-tickets-per-mobile). Portable to H2 (MODE=PostgreSQL) and PostgreSQL.
create table q_online_quota
(
    centre_id     bigint      not null,
    business_date date        not null,
    mobile        varchar(11) not null,
    issued        int         not null,
    constraint q_online_quota_pk primary key (centre_id, business_date, mobile),
    constraint q_online_quota_ck check (issued >= 0)
);

-- Q-8: the pending rating of a window is its latest finished ticket; this index finds it without a scan
create index q_ticket_finished_ix on q_ticket (window_id, finished_at);
