// The full form's field errors: each next to its field (found by its data-path), the rest in the form's
// error line, the first invalid field focused.
import { visible } from '../../core/visibleText';
import { findByAttribute } from '../shared/dom';
import type { Control } from './choices';

export function clearFormErrors(form: HTMLElement, formError: HTMLElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const invalid of form.querySelectorAll<Control>('[data-path][invalid]')) {
    invalid.invalid = false;
    invalid.removeAttribute('invalid');
  }
  formError.hidden = true;
  formError.textContent = '';
}

export function showFormErrors(form: HTMLElement, formError: HTMLElement, fieldErrors: Record<string, string>, message: string): void {
  clearFormErrors(form, formError);
  let first: HTMLElement | undefined;
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    const error = findByAttribute(form, 'data-error-for', path);
    const target = findByAttribute(form, 'data-path', path) as Control | undefined;
    if (!error || !target) {
      unplaced.push(text);
      continue;
    }
    error.textContent = visible(text);
    error.hidden = false;
    target.setAttribute('invalid', '');
    first ??= target;
  }
  formError.textContent = visible(unplaced.length > 0 ? `${message} ${unplaced.join('; ')}` : message);
  formError.hidden = false;
  (first ?? formError).focus();
}
