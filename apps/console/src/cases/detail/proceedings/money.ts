/** An amount in its currency, in the user's language. */
export const money = (language: string, amount: number, currency?: string): string =>
  currency
    ? new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount)
    : new Intl.NumberFormat(language).format(amount);
