using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Ui.Queries;

public sealed class AuditStatisticsTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("eventreactor-audit-stats-");
    private ReactorDatabase _database = default!;
    private AuditWriter _audit = default!;

    public async Task InitializeAsync()
    {
        _database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = _root.FullName }));
        _database.Migrate(TimeProvider.System);
        _audit = new AuditWriter(new SqliteAuditStore(_database));
        await _audit.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RuleHitsAsync_RecordsAddedAfterTheFirstLook_AreCountedOnTheNext()
    {
        var statistics = new AuditStatistics(_database, TimeProvider.System);
        await RecordAsync(("a", "acted", null), ("a", "condition-false", "condition false: x"), ("b", "failed", "boom"));
        var first = await statistics.RuleHitsAsync(CancellationToken.None);

        await RecordAsync(("a", "acted", null), ("b", "condition-error", "no such field"));
        var second = await statistics.RuleHitsAsync(CancellationToken.None);

        Assert.Equal(1, first["a"].Acted);
        Assert.Equal(2, second["a"].Acted);
        Assert.Equal(3, second["a"].Total);
        Assert.Null(second["a"].LastError);
        Assert.Equal("boom", first["b"].LastError);
        Assert.Equal("no such field", second["b"].LastError);
    }

    [Fact]
    public async Task ReactionsPerMinuteAsync_ActedRecords_CountedInTheirMinute()
    {
        var statistics = new AuditStatistics(_database, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await RecordAsync(("a", "acted", null), ("a", "acted", null), ("a", "condition-false", "no"));

        var minutes = await statistics.ReactionsPerMinuteAsync(now.AddHours(-1), CancellationToken.None);
        await RecordAsync(("a", "acted", null));
        var again = await statistics.ReactionsPerMinuteAsync(now.AddHours(-1), CancellationToken.None);

        Assert.Equal(2, minutes.Sum(m => m.Count));
        Assert.Equal(3, again.Sum(m => m.Count));
    }

    public async Task DisposeAsync()
    {
        await _audit.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
        _root.Delete(recursive: true);
    }

    private async Task RecordAsync(params (string Rule, string Outcome, string? Detail)[] records)
    {
        foreach (var (rule, outcome, detail) in records)
        {
            _audit.Record(new AuditRecord(Guid.NewGuid().ToString("N"), "t/x", rule, "r.yaml:1:1", WireNames.Parse<RuleOutcome>(outcome), detail, [], DateTimeOffset.UtcNow, 0.1));
        }

        // A lookup waits until everything queued before it is written.
        await _audit.ForEventAsync("none", CancellationToken.None);
    }
}
