// lunar-javascript ships no typings; only the part we call is declared.
declare module 'lunar-javascript' {
  interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  interface Lunar {
    getSolar(): Solar;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
}
