// The organisation-key relay through the router (architecture.md Keys): terminal.admin only, logged.
import { declareFirstOrgKeys, grantOrgKeys, installRelayedOrgKeys, keyRelayStatus, pendingKeyRequests, requestOrgKeys, withKeyRelay } from '../../core/sync';
import type { Handler } from '../router';

export const getKeyStatus: Handler<'keys.status'> = ({ kura }) => keyRelayStatus(kura.store);

export const requestKeys: Handler<'keys.request'> = async ({ kura, now, note }) => {
  const r = await withKeyRelay(kura.store, (transport) => requestOrgKeys(kura.store, transport, now));
  note({ detail: { fingerprint: r.fingerprint } });
  return r;
};

export const listKeyRequests: Handler<'keys.pending'> = async ({ kura }) => ({
  requests: await withKeyRelay(kura.store, (transport, identity) => pendingKeyRequests(transport, identity.terminalId)),
});

export const grantKeys: Handler<'keys.grant'> = async ({ kura, input, note }) => {
  const r = await withKeyRelay(kura.store, (transport, identity) => grantOrgKeys(kura.store, transport, identity.terminalId, input));
  note({ target: r.terminalId, detail: { fingerprint: r.fingerprint } });
  return r;
};

// installOrgKeys commits the keys in its own transaction (the in-memory keys change only after that
// commit), so this entry is written by the router right after it rather than inside it.
export const installKeys: Handler<'keys.install'> = async ({ kura, input, now, note }) => {
  await withKeyRelay(kura.store, (transport) => installRelayedOrgKeys(kura.store, transport, now, input.expectedCheckValue));
  const status = keyRelayStatus(kura.store);
  note({ target: status.relayedBy, detail: { checkValue: status.checkValue } });
  return status;
};

// DP-2, DP-6: what lets this terminal grant its created keys; the declaration and its log entry commit together.
export const declareFirst: Handler<'keys.declareFirst'> = ({ kura, subject, now, commit }) => {
  const declaration = commit(() => declareFirstOrgKeys(kura.store, subject!.userId, now), (d) => ({ detail: { declaredAt: d.declaredAt } }));
  const status = keyRelayStatus(kura.store);
  return { ...status, declaredFirst: status.declaredFirst ?? declaration };
};

export const keyHandlers = {
  'keys.status': getKeyStatus,
  'keys.request': requestKeys,
  'keys.pending': listKeyRequests,
  'keys.grant': grantKeys,
  'keys.install': installKeys,
  'keys.declareFirst': declareFirst,
};
