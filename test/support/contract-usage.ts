import { flushUsage } from './contract';

// Each test file hands what its responses carried to the run's report (global-teardown.ts).
afterAll(() => flushUsage());
