using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Ui.Charts;
using EventReactor.Reactor.Ui.Pages;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapOverview(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/", async (IMinionStore minions, RuleSetProvider rules, AuditStatistics statistics, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var known = await minions.ListAsync(cancellationToken);
            var now = time.GetUtcNow();
            var since = now.AddHours(-1);
            var perMinute = (await statistics.ReactionsPerMinuteAsync(since, cancellationToken)).ToDictionary(m => m.Minute.ToUnixTimeSeconds(), m => m.Count);
            var firstMinute = since.ToUnixTimeSeconds() / 60 * 60;
            var minutes = Enumerable.Range(0, 61).Select(i => (double)(firstMinute + (i * 60))).ToList();
            var reactions = new ChartSpec("reactions", ChartKind.Line, "Reactions", "per minute", minutes,
                [new ChartSeries("Rules that acted", minutes.Select(m => (double?)perMinute.GetValueOrDefault((long)m)).ToList())]);
            var last = rules.LastResult;
            return UiPage.Render<OverviewPage>(new OverviewModel(
                known.Count(m => m.Present),
                known.Where(m => !m.Present).Select(m => m.Id).ToList(),
                rules.Current.Rules.Count,
                rules.Current.Files.Count,
                rules.LastLoadedAt,
                last is { IsValid: false } ? last.Diagnostics.Select(d => d.ToString()).ToList() : [],
                reactions,
                await audit.RecentProblemsAsync(10, cancellationToken)));
        });
        return ui;
    }
}
