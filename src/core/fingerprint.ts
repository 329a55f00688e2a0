/** FNV-1a, 32 bits: a fast fingerprint that catches truncated or corrupted text (not a MAC). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
