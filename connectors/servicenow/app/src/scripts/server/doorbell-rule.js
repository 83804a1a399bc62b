// Async after insert on the request and review tables: tell the worker a row
// is waiting (AiHandoffDoorbell.ring). A hint only: the worker polls anyway.
(function executeRule(current) {
    new x_acme_aihandoff.AiHandoffDoorbell().ring(current);
})(current);
