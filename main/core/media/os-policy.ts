// The OS half of MD-2: Kura refuses its own writes to unregistered media, and the operating system
// blocks every other program. These generators turn the ledger into rules IT applies.
import type { Medium } from './ledger';

/** USBGuard string syntax: printable ASCII except quote and backslash as-is, the rest escaped. */
function usbguardString(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (byte >= 0x20 && byte < 0x7f) out += c;
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `"${out}"`;
}

const HEX4 = /^[0-9a-f]{4}$/;
/** A ledger label in a comment line: no newlines, so it cannot add a rule. */
const commentSafe = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/**
 * Linux: /etc/usbguard/rules.conf. Registered media are allowed by vendor:product and serial, any
 * other mass-storage interface is blocked; the daemon's ImplicitPolicyTarget=block covers the rest.
 */
export function usbguardRules(media: readonly Medium[], generatedAt: string): string {
  const live = media.filter((m) => m.status === 'active');
  const lines = [
    `# Kura: USBGuard rules generated from the media ledger at ${generatedAt}.`,
    '# Regenerate after every registration, revocation or disposal; do not edit by hand.',
    '# Keep your keyboard/mouse/hub rules ABOVE this block (first match wins), and set',
    '# ImplicitPolicyTarget=block in usbguard-daemon.conf.',
  ];
  for (const m of live) {
    lines.push(`# ${m.mediumId} ${commentSafe(m.label)} (${m.kind}, 保管: ${commentSafe(m.storagePlace)})`);
    const id = m.vendorId && m.productId && HEX4.test(m.vendorId) && HEX4.test(m.productId) ? `id ${m.vendorId}:${m.productId} ` : '';
    lines.push(`allow ${id}serial ${usbguardString(m.serial)} with-interface equals { 08:*:* }`);
  }
  lines.push('# Every other USB mass-storage device (MD-2).');
  lines.push('block with-interface one-of { 08:*:* }');
  return `${lines.join('\n')}\n`;
}

/** PowerShell single-quoted string: a quote is doubled, nothing else is interpreted. */
const ps = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Windows: device-installation restriction (deny removable devices, allow the registered device
 * instance IDs, layered evaluation so the allow list wins) and BitLocker "deny write access to
 * removable drives not protected by BitLocker". Run elevated; a reboot or `gpupdate /force` applies it.
 */
export function windowsPolicyScript(media: readonly Medium[], generatedAt: string): string {
  const live = media.filter((m) => m.status === 'active');
  const entries = live.map((m) => {
    const vidPid = m.vendorId && m.productId && HEX4.test(m.vendorId) && HEX4.test(m.productId) ? `USB\\VID_${m.vendorId.toUpperCase()}&PID_${m.productId.toUpperCase()}\\${m.serial}` : null;
    return `  @{ MediumId = ${ps(m.mediumId)}; Serial = ${ps(m.serial)}; UsbInstanceId = ${vidPid ? ps(vidPid) : '$null'} }`;
  });
  return [
    `# Kura: Windows removable-storage policy generated from the media ledger at ${generatedAt}.`,
    '# Run in an elevated PowerShell with the registered media plugged in (their USBSTOR instance IDs are',
    '# read from the device list). Regenerate after every registration, revocation or disposal.',
    '#Requires -RunAsAdministrator',
    "$ErrorActionPreference = 'Stop'",
    '$media = @(',
    entries.join(",\n"),
    ')',
    "$restrictions = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\DeviceInstall\\Restrictions'",
    "$allowList = Join-Path $restrictions 'AllowInstanceIDs'",
    'New-Item -Path $restrictions -Force | Out-Null',
    'Remove-Item -Path $allowList -Recurse -Force -ErrorAction SilentlyContinue',
    'New-Item -Path $allowList -Force | Out-Null',
    '# Deny installation of any removable device, allow the listed instances, allow wins (layered).',
    "Set-ItemProperty -Path $restrictions -Name 'DenyRemovableDevices' -Type DWord -Value 1",
    "Set-ItemProperty -Path $restrictions -Name 'AllowInstanceIDs' -Type DWord -Value 1",
    "Set-ItemProperty -Path $restrictions -Name 'AllowDenyLayered' -Type DWord -Value 1",
    '$n = 0',
    'foreach ($m in $media) {',
    '  $ids = @()',
    '  if ($m.UsbInstanceId) { $ids += $m.UsbInstanceId }',
    "  $ids += Get-PnpDevice -PresentOnly | Where-Object { $_.InstanceId -like ('USBSTOR\\*\\' + [WildcardPattern]::Escape($m.Serial) + '*') } | ForEach-Object { $_.InstanceId }",
    "  if ($ids.Count -lt 2) { Write-Warning ($m.MediumId + ': insert the medium and run again to allow its disk device') }",
    '  foreach ($id in $ids) { $n++; Set-ItemProperty -Path $allowList -Name ([string]$n) -Type String -Value $id }',
    '}',
    '# BitLocker: deny write access to removable drives not protected by BitLocker (MD-2).',
    "$fve = 'HKLM:\\SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FVE'",
    'New-Item -Path $fve -Force | Out-Null',
    "Set-ItemProperty -Path $fve -Name 'RDVDenyWriteAccess' -Type DWord -Value 1",
    `Write-Output ('Kura media policy applied: ' + $media.Count + ' registered media, ' + $n + ' allowed instance IDs')`,
    '',
  ].join('\n');
}
