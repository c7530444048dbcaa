# API and worker image (the same image; the worker runs `node apps/api/dist/worker.js`).
# Build from the repository root: docker build -f docker/api.Dockerfile -t tms-api .
FROM node:20.20-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@12.21.0
WORKDIR /app

FROM base AS build
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/domain/package.json libs/domain/
COPY libs/calendar/package.json libs/calendar/
COPY libs/demo-data/package.json libs/demo-data/
COPY libs/forecasting/package.json libs/forecasting/
RUN pnpm install --frozen-lockfile
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs libs
COPY apps/api apps/api
RUN pnpm run build:ts \
 && pnpm deploy --filter @tms/api --prod --legacy /out

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /out /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
