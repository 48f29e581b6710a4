-- An event Kafka refuses for good (larger than the broker takes, a topic name it rejects) is
-- set aside instead of holding back every event after it: the relay notes when and why, and
-- publishes no further attempt until an operator clears rejected_at (docs/operations.md).
alter table outbox_events add column rejected_at timestamptz, add column rejection text;
create index outbox_events_rejected_idx on outbox_events (seq) where rejected_at is not null;
