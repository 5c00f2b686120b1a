/**
 * Each purchase's place in time order (slot[p]), stable: equal times keep the list's order.
 * Times are whole ms within a few centuries of each other in practice, so a radix sort of
 * them takes four passes over typed arrays (a comparator sort of a million takes ~10× longer).
 */
export function timeSlots(times: Float64Array): Int32Array {
  const count = times.length;
  let low = Infinity;
  let high = -Infinity;
  let whole = true;
  for (let p = 0; p < count; p++) {
    const t = times[p]!;
    if (t < low) low = t;
    if (t > high) high = t;
    if (!Number.isInteger(t)) whole = false;
  }
  const order = whole && high - low < RADIX_SPAN ? radixOrder(times, low) : comparedOrder(times);
  const slot = new Int32Array(count);
  for (let i = 0; i < count; i++) slot[order[i]!] = i;
  return slot;
}

/** Four 11-bit digits: 2^44 ms is over 500 years. */
const DIGIT = 11;
const RADIX_SPAN = 2 ** (4 * DIGIT);
const HALF = 2 ** (2 * DIGIT);

function radixOrder(times: Float64Array, low: number): Int32Array {
  const count = times.length;
  // The offset from the earliest time, split in two 22-bit halves that bit operations can read.
  let lowBits = new Int32Array(count);
  let highBits = new Int32Array(count);
  let order = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const offset = times[p]! - low;
    lowBits[p] = offset % HALF;
    highBits[p] = Math.floor(offset / HALF);
    order[p] = p;
  }
  let spareLow = new Int32Array(count);
  let spareHigh = new Int32Array(count);
  let spareOrder = new Int32Array(count);
  const counts = new Int32Array(1 << DIGIT);
  for (let pass = 0; pass < 4; pass++) {
    const bits = pass < 2 ? lowBits : highBits;
    const shift = (pass % 2) * DIGIT;
    const mask = (1 << DIGIT) - 1;
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[(bits[i]! >>> shift) & mask]!++;
    // Every time has the same digit here: nothing to move.
    if (counts[(bits[0]! >>> shift) & mask] === count) continue;
    for (let d = 0, start = 0; d < counts.length; d++) {
      const n = counts[d]!;
      counts[d] = start;
      start += n;
    }
    for (let i = 0; i < count; i++) {
      const at = counts[(bits[i]! >>> shift) & mask]!++;
      spareLow[at] = lowBits[i]!;
      spareHigh[at] = highBits[i]!;
      spareOrder[at] = order[i]!;
    }
    [lowBits, spareLow] = [spareLow, lowBits];
    [highBits, spareHigh] = [spareHigh, highBits];
    [order, spareOrder] = [spareOrder, order];
  }
  return order;
}

/** Times that are not whole ms, or centuries apart: a plain comparator sort. */
function comparedOrder(times: Float64Array): Int32Array {
  const order = new Int32Array(times.length);
  for (let p = 0; p < order.length; p++) order[p] = p;
  return order.sort((a, b) => times[a]! - times[b]! || a - b);
}
