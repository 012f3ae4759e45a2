/**
 * Text taken from a workbook, made safe to print (DESIGN.md §9): a cell can hide terminal escape codes
 * (`_x001B_[2J` clears the screen) or bidirectional overrides that reorder a line. Control characters
 * become their visible symbol (ESC → ␛), the others a replacement character; line breaks inside a text
 * become spaces. What the user reads is the same text, and nothing it holds can act on the terminal.
 */
export function texteAffichable(s: string): string {
  // C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n" || c === "\r" || c === "\t") return " ";
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

/** A whole report: each line made safe, the report's own line breaks kept. */
export function rapportAffichable(texte: string): string {
  return texte.split("\n").map(texteAffichable).join("\n");
}
