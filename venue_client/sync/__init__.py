"""Central-platform synchronisation (central-api.md): the HTTP client, the clock and
online monitor, schedule pull, bid prefetch, the outbox relay, uploads, audit
checkpoint witnessing, the relay lease and the service loop that runs them."""
