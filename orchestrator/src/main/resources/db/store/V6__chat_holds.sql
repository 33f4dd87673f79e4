-- The chat agent's own LLM turns are journaled like a job's paid calls: held before the call,
-- settled after it, charged at the hold and unreconciled when the outcome is unknown. Such a
-- call belongs to a chat session instead of a job, so a call (and its charges) names one or
-- the other.
alter table calls alter column job_id drop not null;
alter table calls add column chat_session text;
alter table calls add constraint calls_owner check (job_id is not null or chat_session is not null);
create index calls_chat on calls (chat_session) where chat_session is not null;

alter table charges add column chat_session text;
create index charges_chat on charges (chat_session) where chat_session is not null;

-- Whose a journal row is: its job's tenant, or its chat session's. Credits, GetBudget per tenant
-- and the credit history read these, so a tenant's chat spend counts as its jobs' does. (Chat
-- charges written before this migration name neither and stay in the month's ledger only.)
create view tenant_calls as
  select ca.*, coalesce(j.tenant, s.tenant) as tenant from calls ca
  left join jobs j on j.job_id = ca.job_id
  left join chat_sessions s on s.session_id = ca.chat_session;

create view tenant_charges as
  select ch.*, coalesce(j.tenant, s.tenant) as tenant from charges ch
  left join jobs j on j.job_id = ch.job_id
  left join chat_sessions s on s.session_id = ch.chat_session;
