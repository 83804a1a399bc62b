/*
 * Shared by the sandbox's pages: the browser session (who is signed in, the
 * X-UserToken every Table API call carries), the user switcher, and small DOM
 * helpers. Everything from the instance is rendered as text, never as HTML.
 */
'use strict';

window.Sandbox = (function () {
  /** Creates an element; children are nodes or strings (set as text). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (value === true) node.setAttribute(key, '');
      else node.setAttribute(key, String(value));
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** The names of the AI fields and the app's request and review tables on this instance (they follow the app's scope). */
  async function appFields() {
    const res = await fetch('/sandbox/app-fields', { headers: { accept: 'application/json' } });
    return (await res.json()).result;
  }

  async function session() {
    const res = await fetch('/sandbox/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status !== 200) return null;
    return (await res.json()).result;
  }

  /** A Table API call as the signed-in user (the cookie goes along; the token proves it is this page). */
  async function api(current, method, path, body) {
    const headers = { accept: 'application/json', 'X-UserToken': current.userToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch (_) {
      json = null;
    }
    return { status: res.status, json };
  }

  function errorText(answer) {
    const error = answer.json && answer.json.error;
    if (error) return `${answer.status}: ${error.message}${error.detail ? ` (${error.detail})` : ''}`;
    return `the instance answered ${answer.status}`;
  }

  /** The user switcher: sign in as any seeded person (their sandbox password is filled in), or sign out. */
  async function renderSwitcher(container, current) {
    container.replaceChildren();
    const res = await fetch('/sandbox/people', { headers: { accept: 'application/json' } });
    const people = res.status === 200 ? (await res.json()).result : [];
    const form = el('form', { method: 'post', action: '/login.do', id: 'switch-form', class: 'switcher' });
    const select = el('select', { id: 'user-select', name: 'user_name' });
    for (const p of people) {
      const roles = p.roles.length === 0 ? 'no roles' : p.roles.join(', ');
      select.append(el('option', { value: p.userName, selected: current && current.user.userName === p.userName, text: `${p.name} (${p.userName}; ${roles})` }));
    }
    select.addEventListener('change', () => {
      password.value = select.value === 'svc.aihandoff' ? 'integration-sandbox' : 'sandbox';
    });
    const password = el('input', { id: 'user-password', name: 'user_password', type: 'password', value: current && current.user.userName === 'svc.aihandoff' ? 'integration-sandbox' : 'sandbox', autocomplete: 'off' });
    form.append(
      el('label', { for: 'user-select', text: 'Act as' }),
      select,
      el('label', { for: 'user-password', class: 'visually-hidden', text: 'Sandbox password' }),
      password,
      el('input', { type: 'hidden', name: 'return_to', value: location.pathname }),
      el('button', { type: 'submit', id: 'switch-user', text: 'Switch user' }),
    );
    container.append(form);
    container.append(el('span', { id: 'current-user', text: current ? `Signed in as ${current.user.name}` : 'Not signed in' }));
    if (current) {
      container.append(el('form', { method: 'post', action: '/logout.do', class: 'signout' }, [el('button', { type: 'submit', id: 'sign-out', text: 'Sign out' })]));
    }
    if (new URLSearchParams(location.search).has('login_failed')) {
      container.append(el('p', { role: 'alert', id: 'login-failed', text: 'Sign-in refused: check the user and the sandbox password.' }));
    }
  }

  return { el, session, appFields, api, errorText, renderSwitcher };
})();
