/**
 * Net amount in cents per customer and calendar day, added up as transactions arrive: what the
 * summaries are computed from. Memory grows with the customers and their distinct purchase days,
 * never with the number of rows (an order of twenty line items is one entry), so a file can be
 * read as a stream. The (customer, day) totals live in an open-addressing hash table of typed
 * arrays: 16 bytes a slot, where a Map of objects would take ten times that.
 */
const ID_SHARD_BITS = 6;
const ID_SHARDS = 1 << ID_SHARD_BITS;

export class CustomerDays {
  /** customer ids in order of first appearance; a customer's number is its position here */
  readonly ids: string[] = [];
  /** rows dated after `lastDay`: counted, not kept */
  laterRows = 0;
  /** rows whose amount had a fraction of a cent (rounded to the cent) */
  subCentRows = 0;
  /**
   * The id → number index, in shards: one Map of millions of ids grows by reallocating its whole
   * table at once (a spike that kills a nearly full heap), and cannot hold more than 2^24 entries.
   */
  private readonly numbers = Array.from({ length: ID_SHARDS }, () => new Map<string, number>());
  private slotCustomer = new Int32Array(1024).fill(-1);
  private slotDay = new Int32Array(1024);
  private slotCents = new Float64Array(1024);
  private used = 0;

  /** @param lastDay day number of the last day kept (the calibration or holdout end) */
  constructor(readonly lastDay: number) {}

  /** The number of a customer, given one on first sight. */
  customer(id: string): number {
    let hash = id.length;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    const shard = this.numbers[hash >>> (32 - ID_SHARD_BITS)];
    let number = shard.get(id);
    if (number === undefined) {
      number = this.ids.length;
      shard.set(id, number);
      this.ids.push(id);
    }
    return number;
  }

  /** Adds `cents` to the customer's total on `day`; a row after the last day only registers the customer. */
  add(customer: number, day: number, cents: number): void {
    if (day > this.lastDay) {
      this.laterRows++;
      return;
    }
    const slot = this.find(customer, day);
    if (this.slotCustomer[slot] === -1) {
      this.slotCustomer[slot] = customer;
      this.slotDay[slot] = day;
      this.slotCents[slot] = cents;
      if (++this.used * 4 > this.slotCustomer.length * 3) this.grow();
    } else {
      this.slotCents[slot] += cents;
    }
  }

  /** distinct (customer, day) pairs kept */
  get pairs(): number {
    return this.used;
  }

  /**
   * Every customer's days in order with their net cents: customer c's days are
   * `days[offsets[c]] … days[offsets[c + 1] - 1]`.
   */
  grouped(): { offsets: Int32Array; days: Int32Array; cents: Float64Array } {
    const customers = this.ids.length;
    const offsets = new Int32Array(customers + 1);
    const { slotCustomer, slotDay } = this;
    for (let slot = 0; slot < slotCustomer.length; slot++) if (slotCustomer[slot] !== -1) offsets[slotCustomer[slot] + 1]++;
    for (let c = 0; c < customers; c++) offsets[c + 1] += offsets[c];
    const fill = offsets.slice(0, customers);
    const days = new Int32Array(this.used);
    for (let slot = 0; slot < slotCustomer.length; slot++) {
      const customer = slotCustomer[slot];
      if (customer !== -1) days[fill[customer]++] = slotDay[slot];
    }
    const cents = new Float64Array(this.used);
    for (let c = 0; c < customers; c++) {
      const [start, end] = [offsets[c], offsets[c + 1]];
      if (end - start > 1) days.subarray(start, end).sort();
      for (let i = start; i < end; i++) cents[i] = this.slotCents[this.find(c, days[i])];
    }
    return { offsets, days, cents };
  }

  /** The slot holding (customer, day), or the empty slot where it belongs. */
  private find(customer: number, day: number): number {
    const mask = this.slotCustomer.length - 1;
    let hash = Math.imul(customer, 0x9e3779b1) ^ Math.imul(day, 0x85ebca77);
    hash ^= hash >>> 15;
    let slot = hash & mask;
    while (this.slotCustomer[slot] !== -1 && (this.slotCustomer[slot] !== customer || this.slotDay[slot] !== day)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [customers, days, cents] = [this.slotCustomer, this.slotDay, this.slotCents];
    this.slotCustomer = new Int32Array(customers.length * 2).fill(-1);
    this.slotDay = new Int32Array(customers.length * 2);
    this.slotCents = new Float64Array(customers.length * 2);
    for (let old = 0; old < customers.length; old++) {
      if (customers[old] === -1) continue;
      const slot = this.find(customers[old], days[old]);
      this.slotCustomer[slot] = customers[old];
      this.slotDay[slot] = days[old];
      this.slotCents[slot] = cents[old];
    }
  }
}
