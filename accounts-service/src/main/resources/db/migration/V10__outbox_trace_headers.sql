-- The trace the writing request belonged to (W3C traceparent and tracestate, as name=value lines):
-- the relay sends them as the Kafka record's headers, so the consumer continues that trace.
alter table outbox_event add column trace_headers text;
