import { DemoStack } from './support/demo-stack';
import { demoMonthChecks } from './support/demo-month.checks';
import { hostileInputChecks } from './support/hostile-input.checks';

/**
 * One built stack as `npm start`'s first start leaves it, its demo month played, for two sets of checks in this
 * order: the demo month read back from the dashboard and each service (reads only), then hostile input to every
 * argument of the composed schema (which writes). One stack start instead of two, and hostile input no longer runs
 * beside a month being played.
 */
describe('the built stack with its demo month', () => {
  const stack = new DemoStack();

  beforeAll(() => stack.start(), 1_500_000);
  afterAll(() => stack.stop());

  describe('the demo month of a first start, as the dashboard shows it and as each service reports it', () =>
    demoMonthChecks(stack));

  describe('hostile input through the gateway (every argument of the composed schema)', () =>
    hostileInputChecks(stack));
});
