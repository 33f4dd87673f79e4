-- A cancel asked of an orchestrator that does not run the job: recorded here (the reason), seen
-- by the job's orchestrator at its next heartbeat, which cancels the run. Cleared when the job
-- ends, so a later regeneration of a job that finished first is not cancelled by it.
alter table jobs add column cancel_requested text;
