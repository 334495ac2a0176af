/** RPPS numbers are 11 digits, the last a Luhn check digit (the same rule as the directory's member check). */
export function normalisedRpps(text: string): string | null {
  const digits = text.replace(/[\s\u00a0\u202f]+/g, '');
  return /^\d{11}$/.test(digits) && luhnValid(digits) ? digits : null;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
