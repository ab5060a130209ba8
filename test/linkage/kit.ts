// Members with known names, birth dates and numbers for the linkage tests (synthetic data only).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { computeCheckDigit } from '../../shared/mynumber';
import type { Member } from '../../main/core/members';
import type { TestKura } from '../helpers/kura';
import { ClamAvScanner } from '../../main/core/imports';
import { configureImports } from '../../main/rpc/handlers/imports';
import { writeEicarSignatures } from '../imports/helpers';

export function syntheticNumber(first11: string): string {
  return `${first11}${computeCheckDigit(first11)}`;
}

export const PEOPLE = {
  sato: { shikakuId: 'L000000001', kanaName: 'サトウ ハナコ', kanjiName: '佐藤\u3000花子', birthDate: '1988-05-03', sex: 2, myNumber: syntheticNumber('87654321098') },
  suzuki: { shikakuId: 'L000000002', kanaName: 'スズキ イチロウ', kanjiName: '鈴木\u3000一郎', birthDate: '1975-01-20', sex: 1, myNumber: null },
  tanaka: { shikakuId: 'L000000003', kanaName: 'タナカ ジロウ', kanjiName: '田中\u3000次郎', birthDate: '1990-12-31', sex: 1, myNumber: syntheticNumber('55544433322') },
} as const;

/** Inserts the people as members and registers their numbers. */
/** Adds the people, and gives the terminal the test's virus scanner (MD-5: linkage files are scanned). */
export function addPeople(t: TestKura): void {
  configureImports(t.kura, { scanner: new ClamAvScanner({ databasePath: writeEicarSignatures(inbox(t)) }) });
  let n = 1;
  for (const p of Object.values(PEOPLE)) {
    const member: Member = {
      shikakuId: p.shikakuId, jigyoshoKigo: '0900', hihokenshaNo: String(90000 + n++).padStart(8, '0'), edaban: '00', kubun: 1, zokugara: null,
      kanjiName: p.kanjiName, kanaName: p.kanaName, birthDate: p.birthDate, sex: p.sex, shutokuDate: '2010-04-01', soshitsuDate: null,
    };
    t.kura.store.transaction(() => {
      t.kura.members.insert(member);
      if (p.myNumber) t.kura.vault.register(p.shikakuId, p.myNumber);
    });
  }
}

const csvLine = (cells: readonly string[]): string => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** The folder files arrive in: beside the store, never inside it (the store's files cannot be imported). */
function inbox(t: TestKura): string {
  const dir = `${t.dir}-inbox`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a CSV (UTF-8 or Shift_JIS) into the test's inbox folder and returns its path. */
export function writeCsv(t: TestKura, name: string, lines: readonly (readonly string[])[], encoding: 'utf-8' | 'cp932' = 'utf-8'): string {
  const text = `${lines.map(csvLine).join('\r\n')}\r\n`;
  const path = join(inbox(t), name);
  writeFileSync(path, encoding === 'cp932' ? iconv.encode(text, 'cp932') : text);
  return path;
}

/** Every 12-digit run in a value serialised as JSON: what an LK-3 / AC-9 scan looks for. */
export function twelveDigitRuns(value: unknown): string[] {
  return JSON.stringify(value).match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
}
