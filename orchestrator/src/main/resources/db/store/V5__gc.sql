-- `reelmesh jobs rm` / `gc` delete a job's snapshot, events and steps, but never its money:
-- the paid-call journal and the charges keep the job's id without pointing at its row, so the
-- ledger still sums every charge and the month's history still names the job.
alter table charges drop constraint charges_job_id_fkey;
alter table calls drop constraint calls_job_id_fkey;
