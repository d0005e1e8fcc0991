import type { FaultRuleJson, ListedFault } from '../../apiTypes';
import { el } from '../dom';
import { sandboxClient } from '../sandboxClient';
import { showToast } from '../toasts';

/**
 * The Admin page's faults: what production can do to a send (numbers not on WhatsApp, bursts of
 * 429, server errors), armed through `/__sandbox/faults` so that anyone trying Herald can see how it
 * copes, without writing a request by hand. A fault lasts until removed or until the sandbox resets.
 */

/** The requests a fault can hit, as the emulator matches them (emulator/faults.ts). */
const TARGETS = {
  sends: {
    label: 'Message sends (Conversations API notifications)',
    phrase: 'message sends',
    match: { service: 'sunshine', method: 'POST', path: { regex: '/notifications$' } },
  },
  sunshine: { label: 'Every Conversations API call', phrase: 'Conversations API calls', match: { service: 'sunshine' } },
  zendesk: { label: 'Every Zendesk API call', phrase: 'Zendesk API calls', match: { service: 'zendesk' } },
} satisfies Record<string, { label: string; phrase: string; match: FaultRuleJson['match'] }>;

type Target = keyof typeof TARGETS;

const SERVER_ERRORS = [500, 502, 503, 504] as const;

export function faultsPanel(): HTMLElement {
  const list = el('ul', { class: 'fault-list', 'aria-labelledby': 'faults-active-heading' });
  const clearButton = el('button', { type: 'button', class: 'button' }, 'Remove all faults');
  const refresh = async () => renderList(list, clearButton, (await sandboxClient.faults()).faults, refresh);
  clearButton.addEventListener('click', () => act(async () => sandboxClient.clearFaults(), 'Every fault was removed.', refresh));

  const section = el(
    'section',
    { class: 'card admin', 'aria-labelledby': 'faults-heading' },
    el('h2', { id: 'faults-heading' }, 'Faults'),
    el('p', { class: 'hint' }, 'Make the emulated APIs fail the way production can, to see how Herald copes. A fault lasts until you remove it or reset the sandbox.'),
    undeliverableForm(refresh),
    rateLimitForm(refresh),
    serverErrorForm(refresh),
    el('h3', { id: 'faults-active-heading' }, 'Active faults'),
    list,
    el('div', { class: 'form-actions' }, clearButton),
  );
  void refresh().catch((error: unknown) => showToast(`Could not read the faults: ${messageOf(error)}`, 'error'));
  return section;
}

function undeliverableForm(refresh: () => Promise<void>): HTMLFormElement {
  const share = numberField('fault-undeliverable-share', 'Share of numbers (%)', { min: 0, max: 100, value: 20 });
  return faultForm(
    'Undeliverable WhatsApp numbers',
    'WhatsApp messages to this share of numbers are accepted, then reported undeliverable by webhook (131026: not on WhatsApp), the same numbers every time. 0 removes it.',
    [share.row],
    'Set the share',
    async () => {
      const percent = share.read();
      if (percent === undefined) return;
      // One share at a time: the new one replaces any other.
      const { faults } = await sandboxClient.faults();
      for (const fault of faults.filter((candidate) => candidate.fault.kind === 'undeliverable')) await sandboxClient.removeFault(fault.id);
      if (percent > 0) await sandboxClient.addFault({ match: TARGETS.sends.match, fault: { kind: 'undeliverable', share: percent / 100 } });
      await done(percent > 0 ? `${percent} % of WhatsApp numbers are now undeliverable.` : 'Every WhatsApp number is deliverable again.', refresh);
    },
  );
}

function rateLimitForm(refresh: () => Promise<void>): HTMLFormElement {
  const target = targetField('fault-429-target');
  const times = numberField('fault-429-times', 'How many requests', { min: 1, max: 10_000, value: 5 });
  const retryAfter = numberField('fault-429-retry-after', 'Retry-After (seconds)', { min: 0, max: 3600, value: 2 });
  return faultForm(
    'Rate limit bursts (429)',
    'The next requests are answered 429 Too Many Requests with this Retry-After.',
    [target.row, times.row, retryAfter.row],
    'Add a 429 burst',
    async () => {
      const count = times.read();
      const seconds = retryAfter.read();
      if (count === undefined || seconds === undefined) return;
      await sandboxClient.addFault({ match: TARGETS[target.read()].match, fault: { kind: 'rateLimit', retryAfterSeconds: seconds }, times: count });
      await done(`The next ${count} ${TARGETS[target.read()].phrase} get a 429.`, refresh);
    },
  );
}

function serverErrorForm(refresh: () => Promise<void>): HTMLFormElement {
  const target = targetField('fault-5xx-target');
  const statusSelect = el('select', { id: 'fault-5xx-status', name: 'status' }, ...SERVER_ERRORS.map((status) => el('option', { value: status }, String(status))));
  statusSelect.value = '503';
  const status = el('div', { class: 'field' }, el('label', { for: 'fault-5xx-status', class: 'field-label' }, 'Status'), statusSelect);
  const times = numberField('fault-5xx-times', 'How many requests', { min: 1, max: 10_000, value: 3 });
  return faultForm('Server errors (5xx)', 'The next requests are answered with this server error.', [target.row, status, times.row], 'Add server errors', async () => {
    const count = times.read();
    if (count === undefined) return;
    await sandboxClient.addFault({ match: TARGETS[target.read()].match, fault: { kind: 'status', status: Number(statusSelect.value) }, times: count });
    await done(`The next ${count} ${TARGETS[target.read()].phrase} get a ${statusSelect.value}.`, refresh);
  });
}

function faultForm(legend: string, hint: string, rows: HTMLElement[], submitLabel: string, submit: () => Promise<void>): HTMLFormElement {
  const button = el('button', { type: 'submit', class: 'button' }, submitLabel);
  const form = el('form', { class: 'fault-form', novalidate: true }, el('fieldset', {}, el('legend', {}, legend), el('p', { class: 'hint' }, hint), ...rows, el('div', { class: 'form-actions' }, button)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await submit();
    } catch (error) {
      showToast(`Could not change the faults: ${messageOf(error)}`, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A whole-number field that says, next to itself, what is wrong with what was typed. */
function numberField(id: string, label: string, range: { min: number; max: number; value: number }): { row: HTMLElement; read(): number | undefined } {
  const errorId = `${id}-error`;
  const input = el('input', { id, type: 'number', min: range.min, max: range.max, step: 1, value: range.value, 'aria-describedby': errorId });
  const error = el('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
  const row = el('div', { class: 'field' }, el('label', { for: id, class: 'field-label' }, label), input, error);
  return {
    row,
    read() {
      const value = Number(input.value);
      const valid = input.value.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max;
      error.textContent = valid ? '' : `${label}: type a whole number from ${range.min} to ${range.max}.`;
      if (valid) input.removeAttribute('aria-invalid');
      else {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
      return valid ? value : undefined;
    },
  };
}

function targetField(id: string): { row: HTMLElement; read(): Target } {
  const select = el('select', { id, name: 'target' }, ...Object.entries(TARGETS).map(([value, target]) => el('option', { value }, target.label)));
  return { row: el('div', { class: 'field' }, el('label', { for: id, class: 'field-label' }, 'Requests'), select), read: () => select.value as Target };
}

function renderList(list: HTMLElement, clearButton: HTMLButtonElement, faults: ListedFault[], refresh: () => Promise<void>): void {
  clearButton.disabled = faults.length === 0;
  if (faults.length === 0) {
    list.replaceChildren(el('li', { class: 'hint' }, 'No fault is active: every request is answered normally.'));
    return;
  }
  list.replaceChildren(
    ...faults.map((fault) => {
      const text = faultInWords(fault);
      const remove = el('button', { type: 'button', class: 'button button--ghost', 'aria-label': `Remove: ${text}` }, 'Remove');
      remove.addEventListener('click', () => act(() => sandboxClient.removeFault(fault.id), `Removed: ${text}`, refresh));
      return el('li', { class: 'fault' }, el('span', {}, text), remove);
    }),
  );
}

/** A rule in words: what it does, to which requests, and how many are left. */
export function faultInWords(rule: ListedFault): string {
  const what = (() => {
    const { fault } = rule;
    switch (fault.kind) {
      case 'undeliverable':
        return `${Math.round(fault.share * 100)} % of WhatsApp numbers undeliverable (131026${fault.synchronous ? ', refused on the call' : ', reported later'})`;
      case 'webhookDuplicates':
        return `${Math.round(fault.share * 100)} % of webhook calls made twice`;
      case 'webhookDelays':
        return `webhook events delayed up to ${fault.maxMinutes} min`;
      case 'rateLimit':
        return `429 Too Many Requests, Retry-After ${fault.retryAfterSeconds} s`;
      case 'status':
        return `${fault.status} answers`;
      case 'latency':
        return `${fault.ms} ms of latency`;
      case 'timeout':
        return 'no answer (timeout)';
      case 'networkError':
        return 'network errors';
      case 'expireCursor':
        return 'expired cursors';
    }
  })();
  const known = Object.values(TARGETS).find((target) => sameRequests(target.match, rule.match));
  const where = known ? known.phrase : requestsOf(rule.match);
  const left = rule.times === undefined ? 'until removed' : `${rule.times - rule.hits} of ${rule.times} left`;
  return `${what} on ${where}, ${left}`;
}

function sameRequests(a: FaultRuleJson['match'], b: FaultRuleJson['match']): boolean {
  return a.service === b.service && a.method === b.method && pathKey(a.path) === pathKey(b.path);
}

/** The server lists a regex by its `source`, which escapes what was typed (`/` becomes `\/`): compare them compiled. */
function pathKey(path: FaultRuleJson['match']['path']): string {
  if (path === undefined) return '';
  return typeof path === 'string' ? `prefix ${path}` : `regex ${new RegExp(path.regex, path.flags).toString()}`;
}

function requestsOf(match: FaultRuleJson['match']): string {
  const service = match.service === 'sunshine' ? 'Conversations API' : match.service === 'zendesk' ? 'Zendesk API' : 'any API';
  const path = match.path === undefined ? '' : ` ${typeof match.path === 'string' ? match.path : `/${match.path.regex}/`}`;
  return `${match.method ?? 'any'} ${service} requests${path}`;
}

async function act(action: () => Promise<unknown>, message: string, refresh: () => Promise<void>): Promise<void> {
  try {
    await action();
    await done(message, refresh);
  } catch (error) {
    showToast(`Could not change the faults: ${messageOf(error)}`, 'error');
  }
}

async function done(message: string, refresh: () => Promise<void>): Promise<void> {
  await refresh();
  showToast(message, 'success');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
