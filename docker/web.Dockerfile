# The SPA, built with Vite and served by nginx, which also proxies /api, /graphql and /admin to the API.
# Build from the repository root: docker build -f docker/web.Dockerfile -t tms-web .
FROM node:20.20-bookworm-slim AS build
ENV CI=true
RUN npm install -g pnpm@12.21.0
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/web/package.json apps/web/
COPY apps/api/package.json apps/api/
COPY libs/domain/package.json libs/domain/
COPY libs/calendar/package.json libs/calendar/
COPY libs/demo-data/package.json libs/demo-data/
COPY libs/forecasting/package.json libs/forecasting/
RUN pnpm install --frozen-lockfile --filter @tms/web...
COPY apps/web apps/web
# Source maps help in development; the image serves the app publicly, so it ships without them.
RUN pnpm --filter @tms/web build && find apps/web/dist -name '*.map' -delete

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
