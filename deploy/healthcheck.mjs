// The container's health check: GET /healthz on the worker's own HTTP
// endpoint (AI_HANDOFF_HTTP; 0.0.0.0 and :: are asked on loopback). Exit 0
// when it answers 200 within 4 s, else 1. Liveness only: readiness (Redis,
// the instance, sync) is /readyz, for the orchestrator's readiness probe.
const listen = process.env.AI_HANDOFF_HTTP ?? '127.0.0.1:9464';
const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
if (!match) process.exit(1);
const host = match[1] ?? match[2];
const target = !host || host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
fetch(`http://${target}:${match[3]}/healthz`, { signal: AbortSignal.timeout(4_000) }).then(
  (res) => process.exit(res.status === 200 ? 0 : 1),
  () => process.exit(1),
);
