// Whether a Redis Cluster answers at the given seed nodes (the first one says cluster_state:ok),
// without a client library: the test configs ask before any test runs.
import { connect } from 'node:net';

/** The cluster the tests use: TEST_REDIS_CLUSTER_NODES, or the one `.ci/redis-cluster` starts. */
export const TEST_CLUSTER_NODES = process.env.TEST_REDIS_CLUSTER_NODES ?? '127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103';

export function clusterAnswers(nodes: string): Promise<boolean> {
  const [host, port] = (nodes.split(',')[0] ?? '').trim().split(':');
  return new Promise((resolve) => {
    const s = connect(Number(port), host ?? '127.0.0.1');
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('CLUSTER INFO\r\n'));
    s.on('data', (d) => done(String(d).includes('cluster_state:ok')));
  });
}
