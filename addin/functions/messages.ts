/**
 * Excel shows a custom function's message with #VALUE! and #N/A only, and Excel on Mac cuts it near 255
 * characters: a message is written with its key information first, and cut here, at a word, to 250.
 */
export const LONGUEUR_MAX_MESSAGE = 250;

export function messageExcel(message: string): string {
  if (message.length <= LONGUEUR_MAX_MESSAGE) return message;
  const coupe = message.slice(0, LONGUEUR_MAX_MESSAGE - 1);
  const espace = coupe.lastIndexOf(" ");
  return `${(espace > LONGUEUR_MAX_MESSAGE / 2 ? coupe.slice(0, espace) : coupe).trimEnd()}…`;
}
