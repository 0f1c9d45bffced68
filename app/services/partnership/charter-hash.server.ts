import { sha256Hex } from "../../auth/tokens.server";
import { canonicalText, type CharterContent } from "../../domain/charter";

/** The canonical text of a charter version and its SHA-256 (hex of the UTF-8 bytes): what publishing fixes. */
export function fingerprint(content: CharterContent): { canonicalText: string; textHash: string } {
  const text = canonicalText(content);
  return { canonicalText: text, textHash: sha256Hex(text) };
}
