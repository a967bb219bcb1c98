using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Pages;

public sealed record MinionModel(MinionRow Row, System.Text.Json.JsonElement? Grains, IReadOnlyList<JournalEntry> RecentEvents, IReadOnlyList<JobRecord> Jobs, IReadOnlyList<ChartSpec> HostCharts);
