-- Issue 17: a gateway no longer announces the ids of its clients, and the directory no longer stores or publishes
-- them (they told any reader of the topology who uses which gateway, and how many). The stored lists go with the column.
ALTER TABLE directory_node DROP COLUMN registered_clients;
