# 售后帮 — one image for every mode (terminal, Telegram, WeChat); configured by environment.
FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY locales ./locales
RUN mkdir -p /app/session && chown node:node /app/session
USER node
CMD ["npm", "start"]
