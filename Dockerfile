# The Herald service (README, "Running it in containers"), built from a clean checkout:
#   docker build -t herald-service .
# No secret is baked in: the configuration comes from the environment when the container starts.
FROM node:20-bookworm-slim

WORKDIR /app
COPY . .
# The one build script, which CI (.ci/run) runs too.
RUN bash scripts/service-build.sh \
  && mkdir -p /data \
  && chown node:node /data

# The embedded store's folder (one instance without DATABASE_URL): keep it on a volume and back it up.
ENV HERALD_DATA_DIR=/data \
    HERALD_SERVICE_HOST=0.0.0.0 \
    HERALD_SERVICE_PORT=4570
VOLUME /data
EXPOSE 4570

USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/service-healthcheck.cjs"]
# Node itself as the container's first process: it receives SIGTERM and stops cleanly (pending writes to Zendesk flushed).
CMD ["node", "--import", "tsx", "service/main.ts"]
