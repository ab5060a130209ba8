// vitest global setup: one PostgreSQL cluster for the whole run (issue 13: a cluster per file cost an
// initdb each). Every file that needs one gets its own database in it (pg-cluster.ts).
import type { TestProject } from 'vitest/node';
import { startPgServer, type PgCluster } from './pg-cluster';

let cluster: PgCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Two files at a time, each with a server pool of 10 and a few of its own, and the admin clients.
  cluster = await startPgServer(120);
  project.provide('kuraPgUrl', cluster.connectionString);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
