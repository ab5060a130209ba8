// DP-3: a revealed My Number cannot go to the clipboard. The element itself refuses selection, copy,
// cut, drag and the context menu; this document-wide guard also empties any copy or cut whose
// selection touches a revealed number (select-all, keyboard selection around it).
export const REVEALED_SELECTOR = '[data-revealed]';

function selectionTouchesRevealed(doc: Document): boolean {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const revealed = doc.querySelectorAll(REVEALED_SELECTOR);
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    for (const el of revealed) if (range.intersectsNode(el)) return true;
  }
  return false;
}

export function installCopyGuard(doc: Document): void {
  const guard = (e: ClipboardEvent) => {
    if (!selectionTouchesRevealed(doc)) return;
    e.preventDefault();
    e.clipboardData?.setData('text/plain', '');
  };
  doc.addEventListener('copy', guard, true);
  doc.addEventListener('cut', guard, true);
}
