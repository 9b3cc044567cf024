# syntax=docker/dockerfile:1
# Multi-stage: build with dev dependencies, run with production dependencies only, as a non-root user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# patch-package applies patches/ after the install (postinstall)
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY apis ./apis
COPY test ./test
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# installed with dev dependencies so that patch-package (a dev dependency) applies patches/, then pruned
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    GATEWAY_ENV=prod \
    HOST=0.0.0.0 \
    PORT=8081
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# the contracts the validator loads and the RAML the portal serves
COPY --chown=node:node apis ./apis
COPY --chown=node:node raml ./raml
COPY --chown=node:node config ./config
USER node
EXPOSE 8081 8443
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "const q=require('http').get('http://127.0.0.1:'+(process.env.PORT||8081)+'/health',r=>{r.resume();process.exitCode=r.statusCode===200?0:1});q.on('error',()=>{process.exitCode=1});q.setTimeout(4000,()=>q.destroy(new Error('timeout')))"
# the V8 flags of src/node-flags.ts (heap sizing)
CMD ["node", "--heap-growing-percent=50", "--max-semi-space-size=8", "dist/src/main.js"]
