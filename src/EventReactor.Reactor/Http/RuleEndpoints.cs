using EventReactor.Contracts.Api;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>GET /api/rules/stats?since=7d</c>: rule health, every rule in force with its counts and flags over a window of the audit.</summary>
internal static class RuleEndpoints
{
    public static IEndpointRouteBuilder MapRuleEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapGet("/api/rules/stats", async Task<Results<Ok<RuleStatsReport>, ProblemHttpResult>> (string? since, RuleStatsQuery stats, CancellationToken cancellationToken) =>
        {
            TimeSpan? window = null;
            if (since is not null)
            {
                if (!DurationParser.TryParse(since, out var parsed) || parsed <= TimeSpan.Zero)
                {
                    return TypedResults.Problem(
                        detail: $"since '{since}' must be a duration such as 24h, 7d or 1h30m",
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "Bad window");
                }

                window = parsed;
            }

            return TypedResults.Ok(await stats.ReportAsync(window, cancellationToken));
        }).WithSummary("Per rule in force over ?since=DURATION (default Reactor:RuleHealth:Window, 7d): matches, firings, condition errors, throttled, actions run and failed, last fired, and health flags.");
        return routes;
    }
}
