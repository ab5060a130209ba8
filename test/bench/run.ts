// npm run bench: one figure per line. KURA_BENCH_SCALE (default 1) shrinks the data for a quick run.
// Each capability's bench file exports an async function taking print (and the scale).
import { existsSync } from 'node:fs';
import { benchFoundation } from './foundation.bench';

const scale = Number(process.env.KURA_BENCH_SCALE ?? '1');
const print = (line: string): void => console.log(line);

console.log(`# Kura benchmarks (scale ${scale}, node ${process.version}, ${new Date().toISOString()})`);
await benchFoundation(print, scale);

type BenchModule = Record<string, (print: (line: string) => void, scale: number) => Promise<void>>;
for (const [file, fn] of [['./imports.bench.ts', 'benchImports'], ['./sync.bench.ts', 'benchSync'], ['./media.bench.ts', 'benchMedia']] as const) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = (await import(file)) as BenchModule;
  await mod[fn]?.(print, scale);
}
