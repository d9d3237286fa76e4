// A minimal PNG reader for the screenshot check (no dependency): 8-bit RGB or RGBA, not interlaced — what Chromium
// writes. Returns the pixels as RGBA rows, and the statistics the check asserts on.
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(file) {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  let header = null;
  const data = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString("latin1", at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12] };
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  if (!header || header.depth !== 8 || ![2, 6].includes(header.colour) || header.interlace !== 0) {
    throw new Error("unsupported PNG: " + JSON.stringify(header));
  }
  const channels = header.colour === 6 ? 4 : 3;
  return { width: header.width, height: header.height, rgba: unfilter(inflateSync(Buffer.concat(data)), header, channels) };
}

// Undoes the per-row filters (PNG spec, section 9) and widens RGB to RGBA.
function unfilter(raw, { width, height }, channels) {
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      line[i] = (line[i] + predict(filter, a, b, c)) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      line.copy(out, (y * width + x) * 4, x * channels, x * channels + 3);
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return out;
}

function predict(filter, a, b, c) {
  switch (filter) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default: throw new Error("bad PNG filter " + filter);
  }
}

// Share of pixels that differ from the most common colour (the background), the number of distinct colours, and the
// standard deviation of the luminance: a blank or single-colour image has 0, 1 and 0.
export function imageStats({ rgba }) {
  const counts = new Map();
  let total = 0, squares = 0;
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const colour = rgba.readUInt32BE(i);
    counts.set(colour, (counts.get(colour) || 0) + 1);
    const luminance = 0.2126 * rgba[i] + 0.7152 * rgba[i + 1] + 0.0722 * rgba[i + 2];
    total += luminance;
    squares += luminance * luminance;
  }
  const background = Math.max(...counts.values());
  const mean = total / pixels;
  return {
    foreground: 1 - background / pixels,
    colours: counts.size,
    luminanceDeviation: Math.sqrt(Math.max(0, squares / pixels - mean * mean)),
  };
}
