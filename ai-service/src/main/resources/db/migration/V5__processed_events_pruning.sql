-- ProcessedEventsPruning deletes applied event ids past the retention across tenants.
create index processed_events_processed_at_idx on processed_events (processed_at);
