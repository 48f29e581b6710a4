-- The W3C trace context of the request that wrote the event; the relay publishes the event
-- in a span under it, so one trace runs from the client's request to every consumer.
alter table outbox_events add column traceparent text;
