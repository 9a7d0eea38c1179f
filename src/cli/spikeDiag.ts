/**
 * `npm run spikes:diag -- --link "v=1&data=spiral&seed=2" [--steps 50000 --every 1000 --before 400]`:
 * what Adam and least action do before a loss spike (spikeCheck.ts). Prints one row every `--every`
 * steps, and every step of the `--before` steps before the first spike and 100 after it: training
 * loss (full batch), lambda, C, the rms over all parameters of the gradient, of Adam's first moment m
 * and of the step's update, the share of coordinates where sqrt(v) is above epsilon (Adam-like
 * there, momentum-SGD-like elsewhere), the largest |logit| and the smallest margin (correct logit
 * minus the largest other) over the training set, and the preconditioned sharpness lr * lambda_max(
 * D^-1/2 H D^-1/2), D = sqrt(v) + eps, of the step's loss: Adam with momentum beta1 is unstable on a
 * quadratic once it exceeds (2 + 2 beta1) / (1 - beta1), 38 at beta1 = 0.9 (Cohen et al. 2022).
 * The default link is a version-1 one, so it trains without the gradient clipping of today's
 * defaults: the run that spiked.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';
import { learningRateAt } from '../core/learningRate';
import { HISTORY_FIELDS } from '../core/snapshot';
import { selectBackend } from '../engine/backend';
import { headLogits, runFlow } from '../engine/forward';
import { crossEntropy, kineticCost } from '../engine/objective';
import type { ParameterOptimizer } from '../engine/optimizer';
import type { ParameterStore } from '../engine/params';
import { Trainer } from '../engine/trainer';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { parseScenarioText } from '../scenario/link';
import { runConfig } from '../scenario/runConfig';
import { SPIKE_CHECK } from './spikeCheck';

const { values } = parseArgs({
  options: {
    link: { type: 'string', default: 'v=1&data=spiral&seed=2' },
    steps: { type: 'string', default: String(SPIKE_CHECK.steps) },
    every: { type: 'string', default: '1000' },
    before: { type: 'string', default: '400' },
    stride: { type: 'string', default: '20' },
  },
});
const steps = Number(values.steps);
const every = Number(values.every);
const before = Number(values.before);
const stride = Number(values.stride);
tf.env().set('PROD', true);
await selectBackend('cpu', nodeBackendCandidates());

const { scenario } = parseScenarioText(values.link);
const config = runConfig(scenario);
const trainer = new Trainer(config);
// The trainer's state, read for diagnosis only.
const inner = trainer as unknown as {
  store: ParameterStore;
  optimizer: Pick<ParameterOptimizer, 'first' | 'second'> & { beta1Power: number; beta2Power: number };
  lambda: tf.Variable;
  train: { x: tf.Tensor2D; oneHot: tf.Tensor2D; labels: tf.Tensor1D };
};
const { store, optimizer, train } = inner;
const s = config.training;

interface Saved {
  step: number;
  theta: Float32Array;
  m: Float32Array;
  v: Float32Array;
  b1: number;
  b2: number;
  lambda: number;
  loss: number;
}

function save(step: number, loss: number): Saved {
  return {
    step,
    theta: store.theta.dataSync().slice() as Float32Array,
    m: optimizer.first.dataSync().slice() as Float32Array,
    v: optimizer.second.dataSync().slice() as Float32Array,
    b1: optimizer.beta1Power,
    b2: optimizer.beta2Power,
    lambda: inner.lambda.dataSync()[0],
    loss,
  };
}

/** The step's objective at theta: CE + C / lambda (least action), CE and C. */
function objective(theta: tf.Tensor1D, lambda: number) {
  const params = store.views(theta);
  const { final, energies } = runFlow(params, store.model, train.x, false);
  const logits = headLogits(params, final);
  const ce = crossEntropy(logits, train.oneHot);
  const C = kineticCost(energies);
  const loss = s.penalty === 'lap' ? tf.add(ce, tf.div(C, lambda)) : ce;
  return { loss: loss as tf.Scalar, ce, C, logits };
}

function gradientAt(theta: Float32Array, lambda: number): Float32Array {
  return tf.tidy(() => {
    const g = tf.grad((t: tf.Tensor) => objective(t as tf.Tensor1D, lambda).loss)(tf.tensor1d(theta));
    return g.dataSync().slice() as Float32Array;
  });
}

const rms = (a: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * a[i];
  return Math.sqrt(sum / a.length);
};

/** Power iteration on lr * D^-1/2 H D^-1/2 by central differences of the gradient. */
function sharpness(x: Saved, D: Float64Array, lr: number): number {
  const P = x.theta.length;
  let u = Float64Array.from({ length: P }, (_, i) => Math.sin(i * 12.9898 + 1));
  let value = 0;
  for (let iter = 0; iter < 20; iter++) {
    const norm = Math.hypot(...u);
    u = u.map((ui) => ui / norm);
    // direction in theta: D^-1/2 u
    const dir = u.map((ui, i) => ui / Math.sqrt(D[i]));
    const dn = Math.hypot(...dir);
    const delta = 1e-3 / dn;
    const plus = x.theta.map((t, i) => t + delta * dir[i]);
    const minus = x.theta.map((t, i) => t - delta * dir[i]);
    const gp = gradientAt(plus, x.lambda);
    const gm = gradientAt(minus, x.lambda);
    const hu = u.map((_, i) => (gp[i] - gm[i]) / (2 * delta) / Math.sqrt(D[i]));
    value = hu.reduce((acc, h, i) => acc + h * u[i], 0);
    u = hu;
  }
  return lr * value;
}

function row(x: Saved, withSharpness: boolean): string {
  const lr = learningRateAt(s, x.step);
  const P = x.theta.length;
  const g = gradientAt(x.theta, x.lambda);
  const D = new Float64Array(P);
  const update = new Float64Array(P);
  let adamLike = 0;
  for (let i = 0; i < P; i++) {
    const vhat = x.v[i] / (1 - x.b2);
    D[i] = Math.sqrt(vhat) + s.epsilon;
    if (Math.sqrt(vhat) > s.epsilon) adamLike++;
    update[i] = (lr * (x.m[i] / (1 - x.b1))) / D[i];
  }
  const { ce, C, maxLogit, margin } = tf.tidy(() => {
    const o = objective(tf.tensor1d(x.theta), x.lambda);
    const l = o.logits.arraySync() as number[][];
    const y = train.labels.arraySync() as number[];
    let maxLogit = 0;
    let margin = Infinity;
    l.forEach((r, n) => {
      for (const z of r) maxLogit = Math.max(maxLogit, Math.abs(z));
      const other = Math.max(...r.filter((_, c) => c !== y[n]));
      margin = Math.min(margin, r[y[n]] - other);
    });
    return { ce: o.ce.dataSync()[0], C: o.C.dataSync()[0], maxLogit, margin };
  });
  const sharp = withSharpness ? sharpness(x, D, lr).toFixed(1) : '';
  const f = (v: number) => v.toExponential(2);
  return [
    x.step,
    f(x.loss),
    f(ce),
    x.lambda.toPrecision(4),
    C.toPrecision(3),
    f(rms(g)),
    f(rms(x.m.map((mi) => mi / (1 - x.b1)))),
    f(rms(update)),
    f(lr),
    (adamLike / P).toFixed(2),
    maxLogit.toFixed(1),
    margin.toFixed(2),
    sharp,
  ].join('\t');
}

console.log(
  [
    'step',
    'stepCE',
    'fullCE',
    'lambda',
    'C',
    'rms g',
    'rms m',
    'rms upd',
    'lr',
    'adamShare',
    'max|z|',
    'margin',
    'lr*sharp',
  ].join('\t'),
);
const ring: Saved[] = [];
let converged = false;
let spikeAt = -1;
const after: Saved[] = [];
while (trainer.stepCount < steps) {
  trainer.step();
  const history = await trainer.takeHistory();
  const loss = history[HISTORY_FIELDS.indexOf('crossEntropy')];
  const step = trainer.stepCount;
  const saved = save(step, loss);
  if (spikeAt < 0) {
    ring.push(saved);
    if (ring.length > before) ring.shift();
  } else if (after.length < 100) after.push(saved);
  else break;
  if (!converged && loss < SPIKE_CHECK.low) {
    converged = true;
    console.log(`# loss below ${SPIKE_CHECK.low} at step ${step}`);
  }
  if (converged && spikeAt < 0 && loss > SPIKE_CHECK.high) {
    spikeAt = step;
    console.log(`# spike: loss ${loss} at step ${step}`);
  }
  if (step % every === 0 && spikeAt < 0) console.log(row(saved, true));
}
if (spikeAt > 0) {
  console.log(
    `# the ${before} steps before the spike (every ${stride}th, then every step near it) and 100 after`,
  );
  for (const x of [...ring, ...after]) {
    const near = Math.abs(x.step - spikeAt) <= 30;
    if (near || x.step % stride === 0) console.log(row(x, near ? x.step % 3 === 0 : true));
  }
}
trainer.dispose();
