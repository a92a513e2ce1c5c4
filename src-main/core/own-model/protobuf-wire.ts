/**
 * A minimal protobuf wire-format reader over the bytes of a file: field tags, varints and the
 * byte ranges of length-delimited fields, nothing decoded that is not asked for. The own-model
 * benchmark uses it to find each weight's raw bytes without re-encoding the model (onnx-proto
 * knows ONNX only up to IR 8 and would drop newer fields). Every read is bounds-checked; a field
 * that runs past its end is a WireError carrying the byte offset.
 */

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

export class WireError extends Error {
  constructor(
    readonly offset: number,
    problem: string,
    /** True when the data ended early: a truncated file rather than a file of another kind. */
    readonly truncated = false,
  ) {
    super(`${problem} at byte ${offset}`);
    this.name = 'WireError';
  }
}

export interface Field {
  number: number;
  wireType: number;
  /** Varint and fixed values; 0 for length-delimited fields. */
  value: number;
  /** Absolute byte range of a length-delimited field's payload; start = end = field end otherwise. */
  start: number;
  end: number;
}

/** Reads the fields between `start` and `end` of `bytes`, in order. */
export class WireReader {
  private pos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    if (end > bytes.length) throw new WireError(bytes.length, 'message runs past the end of the data', true);
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * A varint as a JS number. Values above 2⁵³ lose precision; ONNX uses such values only for
   * int64 data and attributes this reader does not need exactly. Negative int64 arrive as 10-byte
   * two's complement and come back negative.
   */
  varint(): number {
    let result = 0;
    let factor = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError(this.pos, 'varint runs past the end of its message', this.end === this.bytes.length);
      const byte = this.bytes[this.pos++]!;
      result += (byte & 0x7f) * factor;
      if ((byte & 0x80) === 0) return i === 9 && result >= 2 ** 63 ? result - 2 ** 64 : result;
      factor *= 128;
    }
    throw new WireError(this.pos, 'varint longer than 10 bytes');
  }

  next(): Field {
    const at = this.pos;
    const tag = this.varint();
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (number === 0) throw new WireError(at, 'field number 0');
    switch (wireType) {
      case WIRE.varint: {
        const value = this.varint();
        return { number, wireType, value, start: this.pos, end: this.pos };
      }
      case WIRE.fixed64:
        this.skip(8);
        return { number, wireType, value: 0, start: this.pos, end: this.pos };
      case WIRE.fixed32: {
        this.skip(4);
        const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos - 4, 4);
        return { number, wireType, value: view.getUint32(0, true), start: this.pos, end: this.pos };
      }
      case WIRE.bytes: {
        const length = this.varint();
        const start = this.pos;
        this.skip(length);
        return { number, wireType, value: 0, start, end: start + length };
      }
      default:
        // Groups are deprecated and ONNX never used them; anything else is not protobuf.
        throw new WireError(at, `unsupported wire type ${wireType} (field ${number})`);
    }
  }

  private skip(count: number): void {
    if (count < 0 || this.pos + count > this.end) {
      throw new WireError(this.pos, `field of ${count} bytes runs past the end of its message`, this.end === this.bytes.length);
    }
    this.pos += count;
  }
}

/** Every field of a message, for callers that look at each one once. */
export function* fields(bytes: Uint8Array, start = 0, end = bytes.length): Generator<Field> {
  const reader = new WireReader(bytes, start, end);
  while (!reader.done) yield reader.next();
}

/** UTF-8 text of a byte range (the core has no TextDecoder). Malformed sequences become U+FFFD. */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const b0 = bytes[i]!;
    let code = 0xfffd;
    let size = 1;
    if (b0 < 0x80) code = b0;
    else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < end) {
      code = ((b0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      size = 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < end) {
      code = ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      size = 3;
    } else if (b0 >= 0xf0 && b0 < 0xf5 && i + 3 < end) {
      code = ((b0 & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      size = 4;
    }
    out += String.fromCodePoint(code);
    i += size;
  }
  return out;
}

/** Packed or unpacked repeated varints (ONNX writes dims either way depending on the exporter). */
export function packedVarints(bytes: Uint8Array, field: Field, into: number[]): void {
  if (field.wireType === WIRE.varint) {
    into.push(field.value);
    return;
  }
  if (field.wireType !== WIRE.bytes) throw new WireError(field.start, `expected varints in field ${field.number}`);
  const reader = new WireReader(bytes, field.start, field.end);
  while (!reader.done) into.push(reader.varint());
}

/** Packed or unpacked repeated float32 (fixed32). */
export function packedFloats(bytes: Uint8Array, field: Field, into: number[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  if (field.wireType === WIRE.fixed32) {
    into.push(view.getFloat32(field.end - 4, true));
    return;
  }
  if (field.wireType !== WIRE.bytes || (field.end - field.start) % 4 !== 0) {
    throw new WireError(field.start, `expected float32 values in field ${field.number}`);
  }
  for (let p = field.start; p < field.end; p += 4) into.push(view.getFloat32(p, true));
}
