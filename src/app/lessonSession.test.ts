import { describe, expect, it } from 'vitest';
import { createDepthClock } from '../render/depthClock';
import type { FrameLoop } from '../render/frameLoop';
import type { Lesson } from '../scenario/lesson';
import { restoreLesson } from '../scenario/lessonRestore';
import { findBuiltInLesson } from '../scenario/lessons';
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/link';
import type { Scenario } from '../scenario/schema';
import { defaultScenario } from '../scenario/schema';
import { createAppStore } from '../state/store';
import { createLessonSession } from './lessonSession';
import { createLessonFactSources } from './lessonWatcher';

const LESSON: Lesson = restoreLesson({
  id: 'test-lesson',
  title: 'Test',
  steps: [
    { title: 'One', text: 'a', open: 'v=2&n=50&K=4&steps=100' },
    {
      title: 'Two',
      text: 'b',
      task: { text: 'K up', when: { kind: 'field', field: 'K', op: '>=', value: 6 } },
    },
    { title: 'Three', text: 'c', open: 'v=2&n=50&K=4&steps=100&layers=train,grid' },
    { title: 'Four', text: 'd', open: 'v=2&n=50&K=4&steps=100&penalty=off' },
    { title: 'Five', text: 'e', open: 'v=2&data=xor' },
  ],
}).lesson!;

function setup(hash = '') {
  const store = createAppStore({ scenario: defaultScenario(), backendPreference: 'auto', theme: 'system' });
  const opened: string[] = [];
  const calls: string[] = [];
  let address = hash;
  const listeners = new Set<() => void>();
  const loop: FrameLoop = { add: () => () => undefined, stop: () => undefined };
  const session = createLessonSession({
    store,
    open: (scenario: Scenario) => {
      opened.push(encodeScenarioLink(scenario));
      store.getState().replaceScenario(scenario);
    },
    runs: { pause: () => calls.push('pause'), reset: () => calls.push('reset') },
    depth: createDepthClock(0),
    loop,
    facts: createLessonFactSources(),
    findBuiltIn: (id) => (id === LESSON.id ? LESSON : findBuiltInLesson(id)),
    page: {
      hash: () => address,
      writeHash: (next) => {
        address = next;
      },
      onHashChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    },
  });
  const navigate = async (next: string) => {
    address = next;
    await session.followAddress();
  };
  return { store, session, opened, calls, address: () => address, navigate };
}

describe('the lesson session', () => {
  it('opens the run a step uses only when it differs from the one the previous step used', () => {
    const { store, session, opened, calls, address } = setup();
    store.getState().editScenario({ class: 'on' });
    session.start(LESSON, { builtIn: true });
    // The teacher's classroom setting survives the step's scenario.
    expect(opened).toEqual(['v=2&n=50&K=4&steps=100&class=on']);
    expect(address()).toBe('#lesson=test-lesson&step=1');
    store.getState().editScenario({ K: 6 });
    session.next();
    expect(session.view()!.done).toEqual([false, true, false, false, false]);
    session.prev();
    session.next();
    // Steps 1 and 2 run on the same scenario: the student's K = 6 is kept.
    expect(opened).toHaveLength(1);
    expect(store.getState().scenario.K).toBe(6);
    session.go(2);
    // The student's K = 6 is not step 3's run: it is opened.
    expect(opened).toEqual([
      'v=2&n=50&K=4&steps=100&class=on',
      'v=2&n=50&K=4&steps=100&layers=train,grid&class=on',
    ]);
    session.prev();
    // Back to a step on step 1's run, which differs from this one only in the layers shown: the run
    // keeps its training and only the view changes.
    expect(opened).toHaveLength(2);
    expect(store.getState().scenario.layers).toEqual(['train', 'test', 'trails', 'regions']);
    expect(calls).toEqual(['pause', 'pause']);
  });

  it('changes only the view when a step names the same run, and resets a run whose live settings change', () => {
    const { store, session, opened, calls } = setup();
    session.start(LESSON, { builtIn: true, index: 2 });
    calls.length = 0;
    store.getState().replaceScenario(decodeScenarioLink('v=2&n=50&K=4&steps=100').scenario);
    session.restartStep();
    expect(calls).toEqual(['pause', 'reset']);
    opened.length = 0;
    calls.length = 0;
    session.next();
    // Only the penalty differs: opened, paused and reset so that the step trains from the seed.
    expect(opened).toEqual(['v=2&n=50&K=4&penalty=off&steps=100']);
    expect(calls).toEqual(['pause', 'reset']);
    calls.length = 0;
    session.next();
    // The data differ: the run is rebuilt, which starts from the seed by itself.
    expect(calls).toEqual(['pause']);
    expect(store.getState().scenario.data).toBe('xor');
  });

  it("follows a link: the step named, the scenario named or else the step's own", async () => {
    const fresh = setup();
    await fresh.navigate('#class=on&lesson=test-lesson&step=2&answers=off');
    expect(fresh.session.view()!.index).toBe(1);
    expect(fresh.session.view()!.answers).toBe(false);
    expect(fresh.opened).toEqual(['v=2&n=50&K=4&steps=100']);
    const withRun = setup();
    await withRun.navigate('#v=2&K=7&lesson=test-lesson&step=2');
    expect(withRun.opened).toEqual([]);
    expect(withRun.session.view()!.index).toBe(1);
    // Back or forward to another step of the same lesson moves the panel, not the run.
    await withRun.navigate('#v=2&K=7&lesson=test-lesson&step=1');
    expect(withRun.session.view()!.index).toBe(0);
    expect(withRun.opened).toEqual([]);
  });

  it('says what it cannot open and keeps an open lesson in the address', async () => {
    const { store, session, address, navigate } = setup();
    await navigate('#v=2&lesson=nope');
    expect(session.view()).toBeNull();
    expect(address()).toBe('#v=2');
    expect(store.getState().notices.map((n) => n.text)).toContain(
      'There is no lesson named "nope"; no lesson was opened.',
    );
    session.start(LESSON, { builtIn: true });
    await navigate('#v=2&lesson=~@@');
    expect(session.view()!.lesson.id).toBe('test-lesson');
    expect(address()).toBe('#v=2&lesson=test-lesson&step=1');
    session.close();
    expect(address()).toBe('#v=2');
  });

  it('puts a lesson that is not built in into the address whole', async () => {
    const { session, address } = setup();
    session.start({ ...LESSON, id: 'mine' });
    await expect.poll(address).toMatch(/^#lesson=~[A-Za-z0-9_-]+&step=1$/);
    const other = setup();
    await other.navigate(address());
    expect(other.session.view()!.lesson).toEqual({ ...LESSON, id: 'mine' });
    expect(other.session.view()!.builtIn).toBe(false);
  });
});
