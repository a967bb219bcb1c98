using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Pages;

public sealed record OverviewModel(
    int MinionsPresent,
    IReadOnlyList<string> MinionsLost,
    int RuleCount,
    int RuleFileCount,
    DateTimeOffset? LastReload,
    IReadOnlyList<string> ReloadErrors,
    ChartSpec Reactions,
    IReadOnlyList<AuditRecord> RecentFailures);
