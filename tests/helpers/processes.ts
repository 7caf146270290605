// Time for tests that start processes (tsx compiling the project on its way up). On a 2-core
// machine another job may be using both cores, and a start then takes many times its quiet time:
// these bounds say when something is stuck, not how fast it should be.
export const PROCESS_TIMEOUT_MS = 120_000;
/** A test that starts a few such processes, one after another. */
export const PROCESS_TEST_TIMEOUT_MS = 300_000;
