// Property tests draw their cases from one fixed seed, so a run in CI tests what the last run
// tested and a failure can be replayed; FC_SEED=<n> explores other cases (and prints the seed on failure).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
