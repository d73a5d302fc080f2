// The decoder of the engine's tapes: evaluate's answer in a binary form (score.Tape in
// score/tape.go, which describes the format), turned into the very objects JSON.parse
// makes of the same answer as JSON (same keys in the same order, same values), in about a
// third of JSON.parse's time: no number or string to parse, the rule data's strings taken
// from a table decoded once, and the answer's other strings cut from one decoded text.

// fatal: a heap that is not valid UTF-8 (never one the engine made from a profile) makes the
// decoder throw, and the loader asks for the JSON instead (see score.Tape).
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * @typedef {object} TapeTable the engine's table (score.Engine.TapeTableJSON)
 * @property {string[]} keys the key of each key byte (keys[0] is unused)
 * @property {string[]} strings the rule data's strings, by index
 */

/**
 * Makes a decoder for the tapes of the engine whose table is given.
 * @param {TapeTable} table
 * @returns {(ops: Uint8Array, heap: Uint8Array) => any} decodes a tape (the views may be of
 *   the wasm memory: they are read at once, never kept); throws on a malformed tape
 */
export function tapeDecoder(table) {
  const keys = table.keys;
  const strings = table.strings;
  if (!Array.isArray(keys) || !Array.isArray(strings) || keys.length >= 0xff) throw new Error("tape: bad table");
  return function decode(ops, heapBytes) {
    const view = new DataView(ops.buffer, ops.byteOffset, ops.byteLength);
    const heap = heapBytes.length > 0 ? utf8.decode(heapBytes) : "";
    let p = 0;
    let h = 0;
    const end = ops.length;

    /** @returns {string} the next string of the heap */
    function next() {
      const n = view.getUint32(p, true);
      p += 4;
      if (h + n > heap.length) throw new Error("tape: heap overrun");
      const s = heap.substring(h, h + n);
      h += n;
      return s;
    }

    /** @returns {any} */
    function value() {
      if (p >= end) throw new Error("tape: truncated");
      const op = ops[p++];
      if (op >= 0x80) return op - 0x80;
      switch (op) {
        case 0x01: {
          /** @type {Record<string, any>} */
          const o = {};
          for (;;) {
            if (p >= end) throw new Error("tape: truncated");
            const k = ops[p++];
            if (k === 0) return o;
            if (k === 0xff) {
              Object.assign(o, JSON.parse(next()));
              continue;
            }
            const key = keys[k];
            if (key === undefined) throw new Error("tape: bad key " + k);
            o[key] = value();
          }
        }
        case 0x02: {
          const a = [];
          for (;;) {
            if (p >= end) throw new Error("tape: truncated");
            if (ops[p] === 0) {
              p++;
              return a;
            }
            a.push(value());
          }
        }
        case 0x03: {
          const s = strings[view.getUint16(p, true)];
          p += 2;
          if (s === undefined) throw new Error("tape: bad string");
          return s;
        }
        case 0x04:
          return next();
        case 0x05: {
          const x = view.getFloat64(p, true);
          p += 8;
          return x;
        }
        case 0x06:
          return true;
        case 0x07:
          return false;
        case 0x08:
          return null;
        case 0x09:
          return JSON.parse(next());
      }
      throw new Error("tape: bad op " + op);
    }

    const v = value();
    if (p !== end || h !== heap.length) throw new Error("tape: trailing data");
    return v;
  };
}
