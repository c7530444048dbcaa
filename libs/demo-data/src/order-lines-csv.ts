import { ORDER_LINE_CSV_COLUMNS } from '@tms/domain';
import { isoDate, mondayOf } from './dates';
import { orderLineBatches, orderLineWindow, type OrderLineOptions } from './order-lines';
import { BAD_VALUES, dataQualityPlan, MAX_ORDER_LINE_ISSUE_LINE, type OrderLineInjection } from './quality';
import type { DemoWorld } from './world';

export interface OrderLinesCsvOptions extends OrderLineOptions {
  /** Insert the order-line rows of the data-quality manifest (default false). */
  withDataQualityIssues?: boolean;
}

export const ORDER_LINE_CSV_HEADER = `${ORDER_LINE_CSV_COLUMNS.join(',')}\n`;

/** Cartons below this get a precomputed `cartons,amount\n` tail per brand. */
const TAIL_CACHE = 64;

/** Yuan with two decimals from integer cents, without floating-point rounding. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${yuan}.${rest < 10 ? '0' : ''}${rest}`;
}

/** ASCII pieces stored back to back in one byte array, addressed by piece number. */
class PieceTable {
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly bytes: Uint8Array;
  readonly maxLength: number;

  constructor(pieces: readonly string[]) {
    this.start = new Int32Array(pieces.length);
    this.length = new Int32Array(pieces.length);
    let total = 0;
    let max = 0;
    pieces.forEach((p, i) => {
      this.start[i] = total;
      this.length[i] = p.length;
      total += p.length;
      if (p.length > max) max = p.length;
    });
    this.maxLength = max;
    this.bytes = Buffer.from(pieces.join(''), 'latin1');
  }
}

/**
 * The order-line CSV as byte chunks (ASCII; one Buffer per simulated batch of 65,536 lines, about 3 MB),
 * header first. The fastest path: no per-line object or string, each line is four precomputed byte pieces
 * (licence, brand code, date, cartons + amount) copied into the chunk. Each chunk is a fresh Buffer.
 */
export function* orderLinesCsvBuffers(
  world: DemoWorld,
  options: OrderLinesCsvOptions = {},
): Generator<Buffer, number, undefined> {
  return yield* csvByteChunks(world, options, false);
}

/**
 * The order-line CSV as text chunks (see `orderLinesCsvBuffers`): header, then one chunk per batch. The
 * generator's return value is the number of lines after the header.
 */
export function* orderLinesCsvChunks(
  world: DemoWorld,
  options: OrderLinesCsvOptions = {},
): Generator<string, number, undefined> {
  const chunks = csvByteChunks(world, options, true);
  for (;;) {
    const step = chunks.next();
    if (step.done) return step.value;
    yield step.value.toString('latin1');
  }
}

function* csvByteChunks(
  world: DemoWorld,
  options: OrderLinesCsvOptions,
  reuse: boolean,
): Generator<Buffer, number, undefined> {
  const window = orderLineWindow(world, options);
  const nr = world.retailers.length;
  const nb = world.brands.length;
  const cents = world.model.brandPriceCents;
  const days = window.endDay - window.startDay + 1;
  const pieces: string[] = [];
  for (const r of world.retailers) pieces.push(`${r.licenceNo},`);
  for (const b of world.brands) pieces.push(`${b.code},`);
  for (let d = 0; d < days; d++) pieces.push(`${isoDate(window.startDay + d)},`);
  for (let b = 0; b < nb; b++)
    for (let k = 0; k < TAIL_CACHE; k++) pieces.push(`${k},${formatCents(k * cents[b])}\n`);
  const table = new PieceTable(pieces);
  const { start: pStart, length: pLen, bytes: src } = table;
  const brandBase = nr;
  const dayBase = nr + nb;
  const tailBase = nr + nb + days;
  const tail = (b: number, k: number): string => `${k},${formatCents(k * cents[b])}\n`;

  const injections: OrderLineInjection[] = options.withDataQualityIssues
    ? dataQualityPlan(world).orderLines
    : [];
  let next = 0;
  let nextLine = injections.length > 0 ? injections[0].line : Number.POSITIVE_INFINITY;
  let line = 1;
  let prevR = 0;
  let prevB = 0;
  let prevDay = 0;
  let prevK = 0;
  const piece = (id: number): string => src.subarray(pStart[id], pStart[id] + pLen[id]).toString();
  const licence = (r: number): string => piece(r);
  const brandCode = (b: number): string => piece(brandBase + b);
  const injected = (inj: OrderLineInjection): string => {
    const sunday = isoDate(mondayOf(prevDay) + 6);
    const amount = formatCents(prevK * cents[prevB]);
    switch (inj.kind) {
      case 'negative_cartons':
        return `${licence(prevR)}${brandCode(prevB)}${sunday},-${prevK},-${amount}\n`;
      case 'unknown_brand_code':
        return `${licence(prevR)}${BAD_VALUES.brandCode},${sunday},${prevK},${amount}\n`;
      case 'invalid_date':
        return `${licence(prevR)}${brandCode(prevB)}${BAD_VALUES.date},${prevK},${amount}\n`;
      case 'non_numeric_amount':
        return `${licence(prevR)}${brandCode(prevB)}${sunday},${prevK},${BAD_VALUES.amount}\n`;
      case 'duplicate_row':
        return `${licence(prevR)}${brandCode(prevB)}${isoDate(prevDay)},${prevK},${amount}\n`;
    }
  };

  yield Buffer.from(ORDER_LINE_CSV_HEADER, 'latin1');
  const maxLine = table.maxLength * 4 + 32;
  let shared: Buffer | null = null;
  let written = 0;
  for (const batch of orderLineBatches(world, options)) {
    const { retailer, brand, day, cartons } = batch;
    const n = batch.length;
    const capacity = (n + injections.length) * maxLine;
    let out: Buffer;
    if (reuse) {
      if (!shared || shared.length < capacity) shared = Buffer.allocUnsafe(capacity);
      out = shared;
    } else {
      out = Buffer.allocUnsafe(capacity);
    }
    let pos = 0;
    for (let i = 0; i < n; i++) {
      if (next < injections.length) {
        // Only while problems are pending: they all sit in the first MAX_ORDER_LINE_ISSUE_LINE lines.
        line++;
        while (line === nextLine) {
          pos += out.write(injected(injections[next]), pos, 'latin1');
          next++;
          nextLine = next < injections.length ? injections[next].line : Number.POSITIVE_INFINITY;
          line++;
        }
        prevR = retailer[i];
        prevB = brand[i];
        prevDay = day[i];
        prevK = cartons[i];
      }
      const b = brand[i];
      const k = cartons[i];
      let id = retailer[i];
      let s = pStart[id];
      let e = s + pLen[id];
      while (s < e) out[pos++] = src[s++];
      id = brandBase + b;
      s = pStart[id];
      e = s + pLen[id];
      while (s < e) out[pos++] = src[s++];
      id = dayBase + day[i] - window.startDay;
      s = pStart[id];
      e = s + pLen[id];
      while (s < e) out[pos++] = src[s++];
      if (k < TAIL_CACHE) {
        id = tailBase + b * TAIL_CACHE + k;
        s = pStart[id];
        e = s + pLen[id];
        while (s < e) out[pos++] = src[s++];
      } else {
        pos += out.write(tail(b, k), pos, 'latin1');
      }
    }
    written += n;
    yield out.subarray(0, pos);
  }
  if (next < injections.length) {
    throw new RangeError(
      `the history has too few order lines to inject data-quality problems (need ${MAX_ORDER_LINE_ISSUE_LINE})`,
    );
  }
  return written + injections.length;
}
