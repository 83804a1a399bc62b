/*
 * Client script of the UI page x_acme_aihandoff_handoff_dialog: starts the
 * dialog (UI script AiHandoffDialog) in one of its two hosts.
 *
 * - Core UI: the form button renders this page in a GlideModal, in the form's
 *   own window, and passes the ticket and the button as the modal's
 *   preferences (GlideModal.get(page).getPreference). Success closes the
 *   modal and says so on the form (g_form.addInfoMessage).
 * - Workspace: the button's workspace client script shows this page in a
 *   frame (g_modal.showFrame, autoCloseOn URL_CHANGED) with the same values in
 *   the query string. The frame cannot reach the workspace form, so success
 *   is said here; Close and Cancel navigate the frame, which closes the modal.
 */
(function () {
    var PAGE = 'x_acme_aihandoff_handoff_dialog';
    var DECISIONS = { assign: [''], review: ['accept', 'reject', 'escalate'] };
    var container = document.getElementById('x_acme_aihandoff_dialog');
    var modal = typeof GlideModal !== 'undefined' && typeof GlideModal.get === 'function' ? GlideModal.get(PAGE) : null;

    function fromQuery(name) {
        var match = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);
        return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : '';
    }

    function param(name) {
        return modal ? String(modal.getPreference(name) || '') : fromQuery(name);
    }

    function closeFrame() {
        window.location.replace(window.location.pathname + '?sysparm_closed=true');
    }

    var host = modal
        ? {
              close: function () {
                  modal.destroy();
              },
              done: function (message) {
                  modal.destroy();
                  if (typeof g_form !== 'undefined') g_form.addInfoMessage(message);
              }
          }
        : {
              close: closeFrame,
              done: function (message) {
                  container.textContent = '';
                  AiHandoffDialog.say(container, 'info', message, 'The AI status on the ticket shows its progress.');
                  var close = document.createElement('button');
                  close.type = 'button';
                  close.className = 'btn btn-primary x-aih-close';
                  close.textContent = 'Close';
                  close.onclick = closeFrame;
                  container.appendChild(close);
              }
          };

    if (!modal && fromQuery('sysparm_closed') === 'true') {
        container.textContent = 'Done. You can close this window.';
        return;
    }
    var options = { mode: param('sysparm_mode'), decision: param('sysparm_decision'), table: param('sysparm_table'), sysId: param('sysparm_sys_id'), container: container, host: host };
    var decisions = Object.prototype.hasOwnProperty.call(DECISIONS, options.mode) ? DECISIONS[options.mode] : null;
    if (decisions === null || decisions.indexOf(options.decision) < 0 || !/^[a-z][a-z0-9_]*$/.test(options.table) || !/^[0-9a-f]{32}$/.test(options.sysId)) {
        AiHandoffDialog.say(container, 'error', 'This dialog was opened without a ticket and a button it knows.', 'Open it from the AI Handoff buttons on a saved ticket.');
        return;
    }
    AiHandoffDialog.open(options);
})();
