// The status line every page has: one polite live region, so screen readers announce what changed.
import { visible } from '../../core/visibleText';
import { h } from './dom';

export interface StatusLine {
  element: HTMLElement;
  show: (text: string, error?: boolean) => void;
}

export function statusLine(): StatusLine {
  const element = h('div', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    show: (text, error = false) => {
      element.textContent = visible(text);
      element.classList.toggle('error', error);
    },
  };
}
