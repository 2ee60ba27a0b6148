#!/usr/bin/env bash
# Builds build/app.zip for App Service (WEBSITE_RUN_FROM_PACKAGE=1): the compiled JavaScript
# (dist/), the tariff data (data/), package.json and production node_modules only: no tsx, no
# TypeScript, no test tools. Run it on Linux x64 with Node 22 (the App Service runtime).
# Usage: npm run package:app (needs zip; npm ci reaches the npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist build/app build/app.zip
npm run build
mkdir -p build/app
cp -r dist data package.json package-lock.json build/app/
(cd build/app && npm ci --omit=dev --no-audit --no-fund)
(cd build/app && zip -qr ../app.zip .)
echo "build/app.zip: $(du -h build/app.zip | cut -f1); deploy with az webapp deploy --type zip (infra/README.md)"
