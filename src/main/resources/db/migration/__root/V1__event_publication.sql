-- Spring Modulith event publication registry (schema v2), portable to H2 and PostgreSQL.
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            varchar                  not null,
    event_type             varchar                  not null,
    serialized_event       varchar                  not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
