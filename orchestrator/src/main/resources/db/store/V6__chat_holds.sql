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

-- Whose a journal row is, written with the row: its job's tenant or its chat session's. Credits,
-- a tenant's GetBudget and its credit history read it, so a tenant's chat spend counts as its
-- jobs' does, and a job deleted by `reelmesh jobs rm` / gc (whose row goes, V5) leaves its
-- spend on its tenant instead of giving the credits back. Rows of jobs deleted before this
-- migration, and chat charges written before it, name no tenant: they stay in the month's
-- ledger only.
alter table calls add column tenant text;
alter table charges add column tenant text;
update calls ca set tenant = j.tenant from jobs j where j.job_id = ca.job_id;
update charges ch set tenant = j.tenant from jobs j where j.job_id = ch.job_id;
create index calls_tenant on calls (tenant, created_at);
create index charges_tenant on charges (tenant, month);
