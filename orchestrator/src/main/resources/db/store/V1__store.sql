-- The orchestrator's state: jobs, their events and step results, the provider-call journal and
-- the charges the ledger is summed from. Money is integer micro-dollars throughout.

create table jobs (
  job_id          text primary key,
  created_at      timestamptz not null default now(),
  -- null when the job was submitted without one; unique when given
  idempotency_key text unique,
  state           integer not null,
  snapshot        bytea not null,
  -- the orchestrator running the job and until when its lease holds (null: nobody)
  owner           text,
  lease_until     timestamptz
);

create table events (
  job_id   text not null references jobs on delete cascade,
  sequence bigint not null,
  body     bytea not null,
  primary key (job_id, sequence)
);

create table steps (
  job_id text not null references jobs on delete cascade,
  key    text not null,
  body   bytea not null,
  primary key (job_id, key)
);

-- One row per paid call: written (held) before the call, settled or released after it. A row
-- still held when its job is resumed is an outcome nobody knows: it becomes unreconciled and is
-- charged at its estimate.
create table calls (
  call_id    bigserial primary key,
  job_id     text not null references jobs on delete cascade,
  month      text not null,
  step       text not null,
  estimate   bigint not null check (estimate >= 0),
  line       bytea not null,
  state      text not null check (state in ('held', 'settled', 'released', 'unreconciled')),
  created_at timestamptz not null default now(),
  settled_at timestamptz
);
create index calls_held on calls (month) where state = 'held';
create index calls_job on calls (job_id);

-- What was charged: the job's bill is its rows, the month's ledger is the sum of its rows, so
-- the ledger equals the sum of the jobs' charges by construction.
create table charges (
  charge_id    bigserial primary key,
  job_id       text references jobs on delete cascade,
  call_id      bigint references calls,
  month        text not null,
  estimated    bigint not null,
  actual       bigint not null,
  unreconciled boolean not null default false,
  line         bytea not null,
  charged_at   timestamptz not null default now()
);
create index charges_job on charges (job_id);
create index charges_month on charges (month);

-- One row per month: locked by every money move, so two jobs cannot both take the last dollar.
create table months (
  month text primary key
);
