// The container's health check (Dockerfile HEALTHCHECK): exit 0 when the service's GET /healthz
// answers 200 (its store is reachable), 1 otherwise or after 4 s. Plain Node, nothing to load.
const port = process.env.HERALD_SERVICE_PORT || '4570';

fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
