using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Rules;

/// <summary>
/// Rule health: every rule in force with what the audit recorded of it over a window, and its flags. Rules that are no
/// longer in force are left out (their names may since mean something else); rules never audited show zeros.
/// </summary>
internal sealed class RuleStatsQuery(RuleSetProvider rules, IAuditStore audit, RuleHealthFlagger flagger, IOptions<RuleHealthOptions> options, TimeProvider time)
{
    /// <summary>The report over the last <paramref name="window"/>, or over <see cref="RuleHealthOptions.Window"/> when null.</summary>
    public async Task<RuleStatsReport> ReportAsync(TimeSpan? window, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        var since = until - (window ?? options.Value.Window);
        var inForce = rules.Current.Rules;
        var tally = await audit.TallyAsync(since, cancellationToken);
        var byRule = tally.Rules.ToDictionary(r => r.Rule, StringComparer.Ordinal);
        var failures = tally.ActionFailures.ToLookup(f => f.Rule, StringComparer.Ordinal);

        var stats = inForce.Select(rule =>
        {
            var counted = byRule.GetValueOrDefault(rule.Name) ?? new RuleAuditTally(rule.Name, 0, 0, 0, 0, 0, 0, null);
            var failed = failures[rule.Name].ToDictionary(f => f.Index, f => f.Failures);
            var actions = rule.Actions
                .Select((action, index) => new RuleActionStats(index, action.Name, action.Location.ToString(), failed.GetValueOrDefault(index)))
                .ToList();
            return new RuleStats(
                rule.Name,
                rule.Location.ToString(),
                counted.Matched,
                counted.Fired,
                counted.ConditionErrors,
                counted.Throttled,
                counted.ActionsRun,
                counted.ActionFailures,
                counted.LastFired,
                actions,
                flagger.Flag(counted, actions));
        }).ToList();
        return new RuleStatsReport(since, until, stats, stats.Count(s => s.Flags.Count > 0));
    }
}
