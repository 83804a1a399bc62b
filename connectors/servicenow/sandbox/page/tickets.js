/* The index of active tickets: each ticket table, newest change first, with its AI status. */
'use strict';

(async function () {
  const { el, session, appFields, api, errorText, renderSwitcher } = window.Sandbox;
  const TABLES = [
    ['incident', 'Incidents'],
    ['sc_request', 'Requests'],
    ['sc_req_item', 'Requested items'],
    ['sn_si_incident', 'Security incidents'],
    ['rm_enhancement', 'Enhancements'],
  ];
  const current = await session();
  await renderSwitcher(document.getElementById('user-switcher'), current);
  const status = document.getElementById('page-status');
  if (!current) {
    // The list is for the person the switcher shows (issue 12): sign them in, as Switch user would, unless a
    // sign-in just failed or someone just signed out (then the page waits for a choice).
    const query = new URLSearchParams(location.search);
    const form = document.getElementById('switch-form');
    if (form && !query.has('login_failed') && !query.has('signed_out') && document.getElementById('user-select').value !== '') {
      status.textContent = `Opening the tickets as ${document.getElementById('user-select').selectedOptions[0].textContent}...`;
      form.submit();
      return;
    }
    status.textContent = 'Choose a person in the user switcher to see the tickets as them.';
    return;
  }
  const lists = document.getElementById('ticket-lists');
  const ai = await appFields();
  for (const [table, label] of TABLES) {
    const params = new URLSearchParams({
      sysparm_query: 'active=true^ORDERBYDESCsys_updated_on',
      sysparm_fields: `number,short_description,state,priority,assignment_group,${ai.status}`,
      sysparm_display_value: 'true',
      sysparm_exclude_reference_link: 'true',
      sysparm_limit: '100',
    });
    const answer = await api(current, 'GET', `/api/now/table/${table}?${params}`);
    const section = el('section', { 'aria-labelledby': `h-${table}`, id: `list-${table}` }, [el('h2', { id: `h-${table}`, text: label })]);
    if (answer.status !== 200) {
      section.append(el('p', { role: 'alert', text: errorText(answer) }));
    } else if (answer.json.result.length === 0) {
      section.append(el('p', { text: 'None you may see.' }));
    } else {
      const head = el('tr', {}, ['Number', 'Short description', 'State', 'Priority', 'Assignment group', 'AI status'].map((h) => el('th', { scope: 'col', text: h })));
      const rows = answer.json.result.map((r) =>
        el('tr', { dataset: { number: r.number } }, [
          el('td', {}, [el('a', { href: `/ticket/${encodeURIComponent(r.number)}`, text: r.number })]),
          el('td', { text: r.short_description }),
          el('td', { text: r.state }),
          el('td', { text: r.priority }),
          el('td', { text: r.assignment_group }),
          el('td', { class: 'ai-status', text: r[ai.status] || 'None' }),
        ]),
      );
      section.append(el('table', { class: 'list' }, [el('caption', { class: 'visually-hidden', text: label }), el('thead', {}, [head]), el('tbody', {}, rows)]));
    }
    lists.append(section);
  }
})();
