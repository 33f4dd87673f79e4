-- Tenants and credits. Every job belongs to a tenant (the submitter token's); the calls and
-- charges of a job are its tenant's through the job. Jobs stored before tenants belong to
-- "local", the one user of a mesh without authentication.
alter table jobs add column tenant text not null default 'local';
create index jobs_tenant on jobs (tenant, created_at);

-- An idempotency key names one job per tenant: another tenant's same key is another job (and
-- never returns the first tenant's).
alter table jobs drop constraint jobs_idempotency_key_key;
create unique index jobs_tenant_idempotency_key on jobs (tenant, idempotency_key);

-- A tenant's credit account, opened by its first grant. Locked (for update) by every hold of
-- the tenant's calls, so two calls never both take the last credits.
create table credit_accounts (
  tenant    text primary key,
  opened_at timestamptz not null default now()
);

-- Grants only: what a tenant spent and holds is read from the journal (calls and charges of its
-- jobs since the account opened), so credits agree with the ledger by construction.
create table credit_grants (
  grant_id   bigserial primary key,
  tenant     text not null references credit_accounts,
  amount     bigint not null check (amount > 0),
  granted_by text not null,
  note       text not null default '',
  granted_at timestamptz not null default now()
);
create index credit_grants_tenant on credit_grants (tenant);
