// Page object for the aclf-screen widget. Everything goes through the stable data-testids of
// the UI test contract; nothing here depends on wording, layout or CSS classes (except where a
// helper says so).
import { expect } from '@playwright/test';

/** Text inputs (`<input type="text" inputmode="decimal">`), filled with `.fill()`. */
export const TEXT_FIELDS = ['age', 'tbil', 'tbil-earlier', 'inr', 'pta', 'creatinine', 'sodium', 'albumin'];
/** Date inputs (`<input type="date">`), filled with 'YYYY-MM-DD'. */
export const DATE_FIELDS = ['tbil-date', 'tbil-earlier-date'];
/** Choices: each a `<select>` with an empty option "" for unanswered. */
export const SELECT_FIELDS = [
  'sex', 'etiology', 'chronic', 'tbil-unit', 'creatinine-unit', 'albumin-unit',
  'he', 'he-grade', 'hrs', 'bleeding-signs', 'consent', 'contraception', 'lang',
];
/** Checkboxes. */
export const CHECKBOX_FIELDS = ['dialysis'];

/** Every numeric/date field that has an `error-<input>` / `warning-<input>` element. */
export const VALIDATED_FIELDS = [...TEXT_FIELDS, ...DATE_FIELDS];

/**
 * The order in which fillPatient sets fields: form order, but each unit before its value (a unit
 * switch never rewrites a typed value, so setting the unit first avoids transient errors).
 */
const FILL_ORDER = [
  'lang',
  'age', 'sex', 'etiology', 'chronic',
  'tbil-unit', 'tbil', 'tbil-date', 'tbil-earlier', 'tbil-earlier-date',
  'inr', 'pta',
  'creatinine-unit', 'creatinine', 'dialysis',
  'sodium',
  'albumin-unit', 'albumin',
  'he', 'he-grade', 'hrs', 'bleeding-signs',
  'consent', 'contraception',
];

/** The complete "refer" patient of the brief: MELD 26, both phases refer. */
export const REFER_PATIENT = Object.freeze({
  age: '45',
  sex: 'male',
  etiology: 'hbv',
  chronic: 'yes',
  tbil: '342',
  inr: '2.0',
  pta: '32',
  creatinine: '88.4',
  sodium: '132',
  albumin: '30',
  he: 'absent',
  hrs: 'absent',
  'bleeding-signs': 'no',
});

/** The criteria ids shown per phase (I3's parts are separate ids). */
export const CRITERIA = ['I1', 'I2', 'I3', 'I3-1', 'I3-2', 'I3-3', 'I4', 'I5', 'I6'];

/** 'YYYY-MM-DD' for a JS Date, in its local calendar. */
function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class Widget {
  /**
   * @param {import('@playwright/test').Page} page
   * @param {{ root?: import('@playwright/test').Page | import('@playwright/test').FrameLocator | import('@playwright/test').Locator }} [options]
   *   `root`: where the widget's elements are looked up (default: the page; getByTestId also
   *   pierces open shadow roots, so a mounted widget needs no root). For the iframe embedding:
   *   `{ root: page.frameLocator('#aclf-frame') }`.
   */
  constructor(page, { root } = {}) {
    this.page = page;
    this.root = root ?? page;
  }

  /** A data-testid locator. */
  get(testId) {
    return this.root.getByTestId(testId, { exact: true });
  }

  /** A CSS locator inside the widget's root (frame or page; pierces open shadow roots). */
  locator(selector) {
    return this.root.locator(selector);
  }

  /** Opens the widget (optionally with a query string such as '?lang=zh-CN') and waits for it. */
  async goto(query = '') {
    await this.page.goto(`./${query}`);
    await this.ready();
    return this;
  }

  /** Waits until the Leptos app has mounted and rendered its outputs. */
  async ready() {
    await expect(this.get('age')).toBeVisible({ timeout: 15_000 });
    await expect(this.get('verdict-phase1')).toHaveAttribute('data-verdict', /^(not-eligible|incomplete|refer)$/);
    await expect(this.get('verdict-phase2')).toHaveAttribute('data-verdict', /^(not-eligible|incomplete|refer)$/);
  }

  /** Sets one field by its data-testid; value '' clears / unanswers it. */
  async set(field, value) {
    const el = this.get(field);
    if (SELECT_FIELDS.includes(field)) {
      await el.selectOption({ value: String(value) });
    } else if (CHECKBOX_FIELDS.includes(field)) {
      await el.setChecked(Boolean(value));
    } else if (TEXT_FIELDS.includes(field) || DATE_FIELDS.includes(field)) {
      await el.fill(String(value));
    } else {
      throw new Error(`unknown field "${field}"`);
    }
  }

  /** Fills the fields present in `patient` (keys are data-testids), in form order. */
  async fillPatient(patient) {
    for (const key of Object.keys(patient)) {
      if (!FILL_ORDER.includes(key)) throw new Error(`unknown field "${key}"`);
    }
    for (const key of FILL_ORDER) {
      if (key in patient) await this.set(key, patient[key]);
    }
  }

  /** The current value of a field (checkbox: boolean). */
  async value(field) {
    const el = this.get(field);
    if (CHECKBOX_FIELDS.includes(field)) return el.isChecked();
    return el.inputValue();
  }

  /** Phase 1 or 2: 'not-eligible' | 'incomplete' | 'refer'. */
  async verdict(phase) {
    return this.get(`verdict-phase${phase}`).getAttribute('data-verdict');
  }

  /** The verdict element of a phase (for text checks and web-first assertions). */
  verdictEl(phase) {
    return this.get(`verdict-phase${phase}`);
  }

  /** e.g. criterionEl(2, 'I3-2'). */
  criterionEl(phase, id) {
    return this.get(`criterion-phase${phase}-${id}`);
  }

  /** 'met' | 'not-met' | 'unknown' | 'not-applicable'. */
  async criterionState(phase, id) {
    return this.criterionEl(phase, id).getAttribute('data-state');
  }

  /** Web-first: waits until the phase's verdict is `expected`. */
  async expectVerdict(phase, expected) {
    await expect(this.verdictEl(phase), `verdict of phase ${phase}`).toHaveAttribute('data-verdict', expected);
  }

  /** Web-first: waits until the criterion's state is `expected`. */
  async expectCriterion(phase, id, expected) {
    await expect(this.criterionEl(phase, id), `phase ${phase} criterion ${id}`).toHaveAttribute('data-state', expected);
  }

  /** Web-first: each [phase, id, state] row. */
  async expectCriteria(rows) {
    for (const [phase, id, state] of rows) await this.expectCriterion(phase, id, state);
  }

  /** 'meld' | 'meld-na' | 'meld-3' output element. */
  score(kind = 'meld') {
    return this.get(kind);
  }

  /** Web-first: the score's text content is exactly `expected` ('' = not computable). */
  async expectScore(kind, expected) {
    await expect.poll(() => this.score(kind).textContent(), { message: `${kind} output` }).toBe(String(expected));
  }

  error(field) {
    return this.get(`error-${field}`);
  }

  warning(field) {
    return this.get(`warning-${field}`);
  }

  /** Every error-* element currently in the DOM. */
  allErrors() {
    return this.root.locator('[data-testid^="error-"]');
  }

  /** Every warning-* element currently in the DOM. */
  allWarnings() {
    return this.root.locator('[data-testid^="warning-"]');
  }

  /** The browser's "today" as 'YYYY-MM-DD', shifted by `days` (negative = past). */
  async date(days = 0) {
    const parts = await this.page.evaluate((d) => {
      const t = new Date();
      const x = new Date(t.getFullYear(), t.getMonth(), t.getDate() + d);
      return [x.getFullYear(), x.getMonth(), x.getDate()];
    }, days);
    return isoDate(new Date(parts[0], parts[1], parts[2]));
  }

  /** The `lang` attribute of <html>. */
  htmlLang() {
    return this.page.locator('html').getAttribute('lang');
  }

  async switchLanguage(lang) {
    await this.set('lang', lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  /** Tags a control's DOM node (`el.__mark = mark`), to find out later whether it is the same node. */
  async markNode(field, mark = 1) {
    await this.get(field).evaluate((el, m) => { el.__mark = m; }, mark);
  }

  /** The mark set by markNode on the node now in the DOM (undefined on a new node). */
  async nodeMark(field) {
    return this.get(field).evaluate((el) => el.__mark);
  }

  /** Puts the caret of a text field at `position`, focused. */
  async setCaret(field, position) {
    await this.get(field).evaluate((el, p) => { el.focus(); el.setSelectionRange(p, p); }, position);
  }

  /** The caret (selectionStart) of a text field and whether it has focus. */
  async caret(field) {
    return this.get(field).evaluate((el) => ({
      start: el.selectionStart,
      focused: el.getRootNode().activeElement === el,
    }));
  }

  /** Marks every option node of a select; optionTexts then says which are still marked. */
  async markOptions(field) {
    await this.get(field).evaluate((el) => { for (const o of el.options) o.__mark = o.value; });
  }

  /** [value, text, mark] of each option of a select. */
  async optionTexts(field) {
    return this.get(field).evaluate((el) => Array.from(el.options).map((o) => [o.value, o.textContent.trim(), o.__mark]));
  }

  /** The compact summary (MELD and both verdicts, kept in view). */
  compact() {
    return this.get('compact-summary');
  }

  /**
   * Switches the language without moving focus (the select's value set and `change` fired from
   * script), so that a test can see whether the focused control keeps its focus and caret.
   */
  async switchLanguageInBackground(lang) {
    await this.get('lang').evaluate((el, l) => {
      el.value = l;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async reset() {
    await this.get('reset').click();
  }
}
