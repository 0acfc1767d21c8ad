# The API image for docker-compose.yml: migrates, loads the default datasets, serves on :8000 (and /app).
# The workbench is built in a Node stage from its lockfile; only its built files reach the image.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./
RUN npm run build

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY schema ./schema
COPY loaders ./loaders
COPY api ./api
COPY cli ./cli
COPY data ./data
COPY --from=web /web/dist ./web/dist
# Editable, so `ckg up` finds data/ beside the code as it does in a checkout.
RUN pip install --no-cache-dir -e .
# NEO4J_URI is set by compose, so `ckg up` provisions nothing and only migrates, loads and serves.
CMD ["ckg", "up"]
