// A real Kura with the fixture members, a clerk with EDIT in 適用, ClamAV with a signature file made
// for the test (matches the EICAR string; no definition download), and files staged in a temp folder
// (confirm and abandon erase the source, so fixtures are always copied first).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { ClamAvScanner, type ImportLimits } from '../../main/core/imports';
import type { Connection } from '../../main/rpc';
import { configureImports } from '../../main/rpc/handlers/imports';
import { MEMBERS } from '../fixtures/imports/members';
import { startKura, type TestKura } from '../helpers/kura';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');

/** Built from parts so this source file is not itself the test virus. */
export function eicar(): string {
  return ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS', '-TEST-FILE!$H+H*'].join('');
}

/** A ClamAV extended-signature (.ndb) database matching the EICAR body anywhere in any file. */
export function writeEicarSignatures(dir: string): string {
  const path = join(dir, 'kura-test.ndb');
  writeFileSync(path, `Kura.Test.EICAR:0:*:${Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE').toString('hex')}\n`);
  return path;
}

export type ImportKura = {
  t: TestKura;
  clerk: Connection;
  staging: string;
  signatures: string;
  /** Copies a fixture (or writes content) into the staging folder and returns its path. */
  stage(fixtureOrName: string, content?: string | Buffer): string;
  configure(limits?: Partial<ImportLimits>): void;
};

export async function startImports(options: { limits?: Partial<ImportLimits> } = {}): Promise<ImportKura> {
  const t = await startKura();
  for (const m of MEMBERS) t.kura.members.insert(m);
  const staging = mkdtempSync(join(tmpdir(), 'kura-import-src-'));
  const signatures = writeEicarSignatures(staging);
  const configure = (limits?: Partial<ImportLimits>): void => configureImports(t.kura, { scanner: new ClamAvScanner({ databasePath: signatures }), limits, society: 'テスト健康保険組合' });
  configure(options.limits);
  const clerk = await t.clerk('tekiyo.edit', 'EDIT', ['tekiyo'], 'tekiyo');
  let seq = 0;
  return {
    t,
    clerk,
    staging,
    signatures,
    configure,
    stage(fixtureOrName, content) {
      const path = join(staging, `${++seq}-${fixtureOrName}`);
      if (content === undefined) copyFileSync(join(FIXTURES, fixtureOrName), path);
      else writeFileSync(path, content);
      return path;
    },
  };
}

/** A minimal zip written by hand, so tests control every header field (sizes included). */
export function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export type XlsxCell = string | { number: string } | { inline: string };

/** An .xlsx with one sheet: plain strings go to sharedStrings, { inline } and { number } cells as Excel writes them. */
export function xlsx(rows: XlsxCell[][], sheetXml?: (sheetData: string) => string): Buffer {
  const shared: string[] = [];
  const sheetData = rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          const ref = `${colName(c)}${r + 1}`;
          if (typeof cell === 'string') {
            if (cell === '') return '';
            shared.push(cell);
            return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          }
          if ('number' in cell) return `<c r="${ref}"><v>${cell.number}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(cell.inline)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const sheet = sheetXml
    ? sheetXml(sheetData)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`).join('')}</sst>`;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="入力" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(sst) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
  ]);
}
