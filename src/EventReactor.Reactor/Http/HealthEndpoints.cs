using EventReactor.Contracts.Api;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventReactor.Reactor.Http;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: every registered health check (the reactor's bus, rules and
/// store; a minion's bus and outbox). Both answer without a token, for probes.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Text("ok")).WithSummary("Liveness: the process answers.").AllowWithoutToken();

        // A route handler rather than MapHealthChecks, so that the OpenAPI document lists it too.
        routes.MapGet("/readyz", async Task<Results<Ok<ReadinessReport>, JsonHttpResult<ReadinessReport>>> (HealthCheckService health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(cancellationToken);
            var body = new ReadinessReport(
                report.Status.ToString(),
                report.Entries.ToDictionary(e => e.Key, e => new ReadinessCheck(e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message)));
            return report.Status == HealthStatus.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
        }).WithSummary("Readiness: every check (bus, rules, store) with its status; 503 when not ready.").AllowWithoutToken();
        return routes;
    }
}
