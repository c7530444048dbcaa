declare module 'fxa-common-password-list' {
  /** True when the password is among the list's most common ones (exact match). */
  export function test(password: string): boolean;
}
