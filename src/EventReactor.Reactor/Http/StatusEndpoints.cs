using System.Diagnostics;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>GET /api/status</c>: one look at a running reactor.</summary>
internal static class StatusEndpoints
{
    private static readonly DateTimeOffset StartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapGet("/api/status", async (RuleSetProvider rules, IMinionStore minions, IJobStore jobs, IAuditLog audit, RuleStatsQuery health, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var known = await minions.ListAsync(cancellationToken);
            var last = rules.LastResult;
            return TypedResults.Ok(new ReactorStatus(
                StartedAt,
                Math.Round((time.GetUtcNow() - StartedAt).TotalSeconds),
                new RulesStatus(
                    rules.Current.Rules.Count,
                    rules.Current.Files,
                    last is { IsValid: false },
                    last is { IsValid: false } ? last.Diagnostics.Select(d => d.ToString()).ToList() : []),
                new MinionCounts(known.Count(m => m.Present), known.Count(m => !m.Present)),
                await jobs.CountOutstandingAsync(cancellationToken),
                await audit.RecentProblemsAsync(10, cancellationToken),
                (await health.ReportAsync(null, cancellationToken)).Flagged));
        }).WithSummary("Uptime, rules in force, minions present, outstanding jobs, recent failures and how many rules are flagged unhealthy.");
        return routes;
    }
}
