import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LESSONS } from '../../scenario/lessons';
import { lessonTextPieces } from './lessonText';

describe('lesson text', () => {
  it('splits paragraphs and finds inline and displayed formulas', () => {
    expect(lessonTextPieces('One $a = 1/\\lambda$ two.\n\n$$x_{k+1} = x_k$$ three')).toEqual([
      [
        { kind: 'text', text: 'One ' },
        { kind: 'math', tex: 'a = 1/\\lambda', display: false },
        { kind: 'text', text: ' two.' },
      ],
      [
        { kind: 'math', tex: 'x_{k+1} = x_k', display: true },
        { kind: 'text', text: ' three' },
      ],
    ]);
  });

  it('keeps escaped and unpaired dollars as text, and joins lines within a paragraph', () => {
    expect(lessonTextPieces('It costs \\$5 and\n$6 a')).toEqual([
      [{ kind: 'text', text: 'It costs $5 and $6 a' }],
    ]);
    expect(lessonTextPieces('  \n\n ')).toEqual([]);
  });

  it('renders every formula of the built-in lessons as MathML, with no inline style and no error', () => {
    let formulas = 0;
    for (const lesson of BUILT_IN_LESSONS) {
      for (const step of lesson.steps) {
        const texts = [step.text, step.question?.text ?? '', step.question?.answer ?? ''];
        for (const piece of texts.flatMap(lessonTextPieces).flat()) {
          if (piece.kind !== 'math') continue;
          formulas++;
          const html = katex.renderToString(piece.tex, {
            output: 'mathml',
            displayMode: piece.display,
            throwOnError: true,
            trust: false,
          });
          expect(html, piece.tex).toMatch(/^<span class="katex(-display)?"><math /);
          // Style attributes would be refused by the page's Content-Security-Policy (style-src 'self').
          expect(html, piece.tex).not.toMatch(/\sstyle=/);
        }
      }
    }
    expect(formulas).toBeGreaterThan(30);
  });
});
