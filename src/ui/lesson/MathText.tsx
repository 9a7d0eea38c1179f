/**
 * A lesson text with its formulas. KaTeX renders them as MathML, which the browser lays out itself:
 * no style sheet, no fonts and no inline style attributes, so they show under the page's
 * Content-Security-Policy (style-src 'self'). KaTeX loads on first use, in a chunk of its own; until
 * then a formula shows as its TeX source.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { lessonTextPieces } from './lessonText';

type Render = (tex: string, display: boolean) => string;

let loading: Promise<Render> | null = null;

function loadKatex(): Promise<Render> {
  loading ??= import('katex').then(
    ({ default: katex }) =>
      (tex: string, display: boolean) =>
        katex.renderToString(tex, {
          output: 'mathml',
          displayMode: display,
          throwOnError: false,
          // Lessons come from links too: no \href, \url or HTML extensions, and bounded macro work.
          trust: false,
          strict: 'ignore',
          maxSize: 20,
          maxExpand: 200,
        }),
  );
  return loading;
}

function Formula({ tex, display, render }: { tex: string; display: boolean; render: Render | null }) {
  if (!render) return <code className={display ? 'lesson-math display' : 'lesson-math'}>{tex}</code>;
  // KaTeX escapes the source and, with trust off, emits only MathML elements and attributes.
  return (
    <span
      className={display ? 'lesson-math display' : 'lesson-math'}
      dangerouslySetInnerHTML={{ __html: render(tex, display) }}
    />
  );
}

export function MathText({ text, className }: { text: string; className?: string }) {
  const paragraphs = useMemo(() => lessonTextPieces(text), [text]);
  const hasMath = paragraphs.some((p) => p.some((piece) => piece.kind === 'math'));
  const [render, setRender] = useState<Render | null>(null);
  useEffect(() => {
    if (!hasMath) return;
    let live = true;
    void loadKatex().then((r) => live && setRender(() => r));
    return () => {
      live = false;
    };
  }, [hasMath]);
  return (
    <div className={className}>
      {paragraphs.map((pieces, i) => (
        <p key={i}>
          {pieces.map((piece, j) =>
            piece.kind === 'text' ? (
              <Fragment key={j}>{piece.text}</Fragment>
            ) : (
              <Formula key={j} tex={piece.tex} display={piece.display} render={render} />
            ),
          )}
        </p>
      ))}
    </div>
  );
}
