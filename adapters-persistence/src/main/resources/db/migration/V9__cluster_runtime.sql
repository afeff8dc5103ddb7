-- Warm starts (issue 24): a stopped notebook cluster may start on a warm pool's instance, which runs (and keeps its
-- backend objects named) under the warm instance's id. runtime_id is the id a cluster's backend objects are named
-- from (its own id unless it was started warm); retired_runtime_id names the previous runtime whose workspace the
-- reconciler still has to remove after such a start. Portable SQL only: runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE clusters ADD COLUMN runtime_id VARCHAR(36);
ALTER TABLE clusters ADD COLUMN retired_runtime_id VARCHAR(36);
UPDATE clusters SET runtime_id = id;
ALTER TABLE clusters ALTER COLUMN runtime_id SET NOT NULL;
CREATE UNIQUE INDEX clusters_runtime_id_uk ON clusters (runtime_id);
