-- Chat sessions (PipelineService.Chat): each belongs to one tenant, and its conversation is the
-- ordered list of its messages (ChatServerMessage protos), so a reconnect replays from any
-- sequence and a restart keeps the history.

create table chat_sessions (
  session_id    text primary key,
  tenant        text not null,
  created_at    timestamptz not null default now(),
  -- the newest message's sequence; bumped in the transaction that inserts the message
  last_sequence bigint not null default 0
);
create index chat_sessions_tenant on chat_sessions (tenant);

create table chat_messages (
  session_id text not null references chat_sessions on delete cascade,
  sequence   bigint not null,
  body       bytea not null,
  primary key (session_id, sequence)
);
