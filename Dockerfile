# 售后帮: build stage compiles TypeScript to JavaScript; the runtime stage holds production
# dependencies only and runs `node` directly (it handles SIGTERM itself; compose adds `init`).

FROM node:20-slim AS build
WORKDIR /app
# .npmrc carries legacy-peer-deps, which the lock file was made with: npm ci needs it.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY locales ./locales
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./
RUN mkdir -p /app/session && chown node:node /app/session
USER node
# /healthz and /metrics (HEALTH_PORT), and the Telegram webhook (PORT) when configured.
EXPOSE 9090 8080
# Health from Node itself (the slim image has no curl): /healthz on HEALTH_PORT (CONTRACTS.md §5).
# HEALTH_PORT=0 turns the endpoint off, and with it this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p=process.env.HEALTH_PORT||'9090';if(p==='0')process.exit(0);fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# --service: no terminal chat in a container; without a messenger it exits with one line.
CMD ["node", "src/main.js", "--service"]
