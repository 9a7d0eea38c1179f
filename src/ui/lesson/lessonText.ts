/**
 * A lesson text in pieces: paragraphs (split at blank lines), each a run of plain text and TeX
 * formulas written `$…$` (inline) or `$$…$$` (displayed); `\$` is a dollar sign. Plain text stays
 * text (React escapes it); only formulas go to KaTeX.
 */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

const TOKEN = /\$\$([^$]+?)\$\$|\$((?:[^$\\]|\\.)+?)\$/g;

/** The pieces of one paragraph. */
function paragraphPieces(paragraph: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const pushText = (text: string) => {
    const plain = text.replaceAll('\\$', '$');
    if (plain !== '') pieces.push({ kind: 'text', text: plain });
  };
  let last = 0;
  for (const match of paragraph.matchAll(TOKEN)) {
    // An escaped opening dollar is text, not a formula.
    if (match.index > 0 && paragraph[match.index - 1] === '\\') continue;
    pushText(paragraph.slice(last, match.index));
    const display = match[1] !== undefined;
    pieces.push({ kind: 'math', tex: (match[1] ?? match[2]).trim(), display });
    last = match.index + match[0].length;
  }
  pushText(paragraph.slice(last));
  return pieces;
}

/** The paragraphs of a lesson text, each as pieces. */
export function lessonTextPieces(text: string): TextPiece[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map(paragraphPieces);
}
