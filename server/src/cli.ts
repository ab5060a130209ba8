// kura-server CLI: the data center's certificate authority.
//   ca init   --ca DIR --name NAME --host HOST[,HOST...]   create the CA, its CRL and the server certificate
//   enrol     --ca DIR --terminal ID [--csr FILE] --out FILE  issue a terminal certificate (bundle JSON)
//   revoke    --ca DIR --terminal ID                         revoke it; a running server closes its sockets
//   crl       --ca DIR                                       re-issue the CRL before it expires (30 days)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { enrolTerminal, initCa, regenerateCrl, revokeTerminal } from './pki';

export function runCli(argv: string[], out: (line: string) => void = console.log): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ca: { type: 'string', default: process.env.KURA_CA_DIR ?? '.kura-server/ca' },
      name: { type: 'string', default: 'Kura Data Center CA' },
      host: { type: 'string' },
      terminal: { type: 'string' },
      csr: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const command = positionals.join(' ');
  const caDir = values.ca;
  switch (command) {
    case 'ca init': {
      if (!values.host) throw new Error('--host is required: the name or address terminals use to reach the server');
      initCa(caDir, { name: values.name, serverHosts: values.host.split(',').map((h) => h.trim()).filter(Boolean) });
      out(`certificate authority created in ${caDir}`);
      return 0;
    }
    case 'enrol': {
      if (!values.terminal || !values.out) throw new Error('--terminal and --out are required');
      const bundle = enrolTerminal(caDir, values.terminal, values.csr ? readFileSync(values.csr, 'utf8') : undefined);
      // The bundle holds the terminal's private key when none was given: carry it on registered media only.
      writeFileSync(values.out, JSON.stringify(bundle, null, 2), { mode: 0o600, flag: 'wx' });
      out(`terminal ${bundle.terminalId} enrolled (certificate serial ${bundle.serial}); bundle written to ${values.out}`);
      return 0;
    }
    case 'revoke': {
      if (!values.terminal) throw new Error('--terminal is required');
      const serial = revokeTerminal(caDir, values.terminal);
      out(`terminal ${values.terminal} revoked (serial ${serial}); the CRL was rewritten and a running server closes its connections`);
      return 0;
    }
    case 'crl': {
      regenerateCrl(caDir);
      out('CRL re-issued');
      return 0;
    }
    default:
      out('usage: kura-server ca init --host HOST | enrol --terminal ID --out FILE | revoke --terminal ID | crl   [--ca DIR]');
      return 2;
  }
}

if (process.argv[1] && /cli\.[cm]?[tj]s$/.test(process.argv[1])) {
  try {
    process.exitCode = runCli(process.argv.slice(2));
  } catch (e) {
    console.error(`kura-server: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
