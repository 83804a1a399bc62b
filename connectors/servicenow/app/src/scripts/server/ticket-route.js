// The resource POST /api/x_acme_aihandoff/v1/tickets/{table}/{sys_id} of the
// Scripted REST API (AiHandoffTicketApi does the work). A refusal is the
// platform's error shape, {"error": {"message", "detail"}, "status": "failure"};
// an answer is {"result": {sys_id, sys_mod_count, sys_updated_on, note}}.
(function process(request, response) {
    var answer = new x_acme_aihandoff.AiHandoffTicketApi().handle(request.pathParams.table, request.pathParams.sys_id, request.body ? request.body.dataString : '');
    if (answer.error) {
        var error = new sn_ws_err.ServiceError();
        error.setStatus(answer.status);
        error.setMessage(answer.error.message);
        error.setDetail(answer.error.detail);
        response.setError(error);
        return;
    }
    response.setStatus(answer.status);
    response.setBody(answer.body);
})(request, response);
