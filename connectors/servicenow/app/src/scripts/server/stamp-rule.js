// Before insert/update on each ticket table: stamp who set the request or
// review field (AiHandoffServer.stamp). Runs for every write, so neither the
// form nor the Table API can set a stamp field directly.
(function executeRule(current, previous) {
    new x_acme_aihandoff.AiHandoffServer().stamp(current, previous);
})(current, previous);
