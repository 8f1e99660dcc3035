/** Made once: a formatter is costly to make, and today is asked on most requests. */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Where "today" comes from: the system in production, a fixed day in tests of date rules. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in the Netherlands, YYYY-MM-DD. */
  today(): string {
    return AMSTERDAM_DAY.format(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  static on(day: string): FixedClock {
    return new FixedClock(new Date(`${day}T12:00:00+01:00`));
  }

  now(): Date {
    return this.instant;
  }

  setDay(day: string): void {
    this.instant = new Date(`${day}T12:00:00+01:00`);
  }
}
