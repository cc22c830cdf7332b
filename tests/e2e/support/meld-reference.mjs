// An independent reference of the OPTN MELD family (SPEC section 4), used only to choose and
// document test inputs; the expected numbers in the specs are also written out literally.
const ln = Math.log;
const roundHalfUp = (x) => Math.floor(x + 0.5 + 1e-9);
const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);

/** Unrounded 10 x MELD(i); bilirubin and creatinine in mg/dL. */
export function meldRaw({ bili, creat, inr, dialysis = false }) {
  const c = dialysis ? 4 : clamp(creat, 1, 4);
  return 10 * (0.957 * ln(c) + 0.378 * ln(Math.max(bili, 1)) + 1.12 * ln(Math.max(inr, 1)) + 0.643);
}

/** Reported MELD: MELD(i) rounded half-up to one decimal, x10, at most 40. */
export function meld(args) {
  return Math.min(40, roundHalfUp(meldRaw(args)));
}

/** Whether the widget must flag the result as borderline: a reported MELD of 29 or 30, the
 *  unrounded 10 x MELD(i) in [28.5, 30.5) (SPEC 4, revised: the band was [29, 30)). */
export function isBorderline(args) {
  const m = meld(args);
  return m === 29 || m === 30;
}

/** MELD-Na (OPTN 2016). */
export function meldNa({ na, ...args }) {
  const m = meld(args);
  if (m <= 11) return m;
  const s = clamp(na, 125, 137);
  return Math.min(40, roundHalfUp(m + 1.32 * (137 - s) - 0.033 * m * (137 - s)));
}

/** MELD 3.0 (Kim 2021); albumin in g/dL. */
export function meld3({ bili, creat, inr, na, alb, female, age, dialysis = false }) {
  const b = Math.max(bili, 1);
  const i = Math.max(inr, 1);
  const c = dialysis ? 3 : clamp(creat, 1, 3);
  const s = clamp(na, 125, 137);
  const a = clamp(alb, 1.5, 3.5);
  const femaleTerm = female || (age >= 12 && age <= 17) ? 1.33 : 0;
  const v = femaleTerm + 4.56 * ln(b) + 0.82 * (137 - s) - 0.24 * (137 - s) * ln(b) + 9.09 * ln(i)
    + 11.14 * ln(c) + 1.85 * (3.5 - a) - 1.83 * (3.5 - a) * ln(c) + 6;
  return clamp(roundHalfUp(v), 6, 40);
}
