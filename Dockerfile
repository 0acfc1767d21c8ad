# The API image for docker-compose.yml: migrates, loads the default datasets, serves on :8000.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY schema ./schema
COPY loaders ./loaders
COPY api ./api
COPY cli ./cli
COPY data ./data
# Editable, so `ckg up` finds data/ beside the code as it does in a checkout.
RUN pip install --no-cache-dir -e .
# NEO4J_URI is set by compose, so `ckg up` provisions nothing and only migrates, loads and serves.
CMD ["ckg", "up"]
