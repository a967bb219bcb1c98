using EventReactor.Contracts.Api;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>POST /api/rules/replay</c>: what candidate rules would have done differently with the journal's recent events. It reads only.</summary>
internal static class ReplayEndpoints
{
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapPost("/api/rules/replay", async Task<Results<Ok<ReplayReport>, ProblemHttpResult>> (ReplayRequest request, RuleReplay replay, CancellationToken cancellationToken) =>
            {
                try
                {
                    return TypedResults.Ok(await replay.RunAsync(request, cancellationToken));
                }
                catch (ReplayRefusedException ex)
                {
                    return TypedResults.Problem(detail: ex.Message, statusCode: ex.StatusCode, title: ex.Title);
                }
            })
            .WithSummary("Replay the journal's window through candidate rules; reactions added, removed and changed, and conditions that now error. Nothing is executed.");
        return routes;
    }
}
