// The worker's production entry point: dist/apps/worker/main.js (`npm run start:worker`).
import './src/main';
