using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>GET /api/audit?event=ID</c>: every rule evaluated for an event, with outcomes, reasons and actions.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapGet("/api/audit", async Task<Results<Ok<EventAudit>, ProblemHttpResult>> (string? @event, IAuditLog audit, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(@event)
                ? TypedResults.Problem(detail: "give the event id: /api/audit?event=ID", statusCode: StatusCodes.Status400BadRequest, title: "Missing event id")
                : TypedResults.Ok(new EventAudit(@event, await audit.ForEventAsync(@event, cancellationToken))))
            .WithSummary("Every rule evaluated for an event: outcome, reason, actions with rendered arguments and results.");
        return routes;
    }
}
