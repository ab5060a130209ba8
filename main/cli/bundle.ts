// The enrolment bundle written by the server CLI (`enrol --out FILE`): read and checked at the boundary.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const bundleSchema = z.object({ terminalId: z.string().min(1), caPem: z.string().min(1), certPem: z.string().min(1), keyPem: z.string().min(1) });

/** The bundle file is missing or not a bundle: the operator can act on the message. */
export class BundleError extends Error {}

export type EnrolmentBundle = z.infer<typeof bundleSchema>;

export function readBundle(path: string): EnrolmentBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    throw new BundleError(`登録ファイルを読めません / cannot read the bundle: ${path}`);
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) throw new BundleError('登録ファイルの形式が違います（証明書と鍵を含む端末登録ファイルが必要です）/ not an enrolment bundle with certificate and key');
  const { terminalId, caPem, certPem, keyPem } = parsed.data;
  return { terminalId, caPem, certPem, keyPem };
}
