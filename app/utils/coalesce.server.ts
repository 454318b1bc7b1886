/**
 * A pass-through stream that joins the chunks written to it in one turn of the event loop into
 * one. React's server renderer writes a page as hundreds of small pieces; each piece would
 * otherwise travel on its own through the web stream Remix hands to Express and through gzip,
 * which costs more than rendering a small page. The bytes and their order are unchanged; a
 * piece written later (after a suspended part resolves) still goes out as soon as it is written.
 */
import { Transform, type TransformCallback } from "node:stream";

export class CoalescingStream extends Transform {
  private pending: Buffer[] = [];
  private scheduled = false;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.release());
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.release();
    callback();
  }

  private release(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const joined = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.push(joined);
  }
}
