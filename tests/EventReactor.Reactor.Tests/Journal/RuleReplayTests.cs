using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Reactor.Tests.Journal;

/// <summary>
/// Replay end to end inside the reactor: events go through the real processor (audit) and the journal into SQLite,
/// then <see cref="RuleReplay"/> streams the window back through an edited rule set.
/// </summary>
public sealed class RuleReplayTests
{
    private const string Live = """
        rules:
          - name: announce
            on: minion/*/docker/container/die
            when: event.data.exitCode != 0
            do:
              - event.fire: { tag: demo/died, data: { exit: "${{ event.data.exitCode }}" } }
          - name: log-died
            on: demo/died
            do:
              - log: { message: "died with ${{ event.data.exit }}" }
        """;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task RunAsync_ChangedConditionAndNewThrottle_DiffOfTheJournaledHistory()
    {
        await using var reactor = await ReactorHarness.StartAsync(Live);
        var (journal, replay) = await StartJournalAsync(reactor, enabled: true);
        var events = Enumerable.Range(0, 6).Select(i => Died("m1", i % 2 == 0 ? 143 : 1, _time.GetUtcNow().AddMinutes(-50 + i))).ToList();
        await RunLiveAsync(reactor, journal, events);
        var candidate = Live
            .Replace("event.data.exitCode != 0", "event.data.exitCode != 0 && event.data.exitCode != 143")
            .Replace("    on: demo/died\n", "    on: demo/died\n    throttle: { once_within: 10m }\n");

        var report = await replay.RunAsync(new ReplayRequest("1h", null, [new RuleFileText("edited.yaml", candidate)]), CancellationToken.None);

        // 6 roots and the 6 events they fired live; 143 no longer fires, and the throttle holds back two of the three left.
        Assert.Equal((12, 6), (report.Events, report.Chained));
        var fire = Assert.Single(report.Removed, d => d.Rule == "announce");
        Assert.Equal(3, fire.Events);
        Assert.Equal(events[0].Id, fire.Examples[0].EventId);
        var log = Assert.Single(report.Removed, d => d.Rule == "log-died");
        Assert.Equal(5, log.Events);
        Assert.Contains(log.Examples, e => e.Detail?.StartsWith("throttled", StringComparison.Ordinal) == true);
        Assert.Empty(report.Added);
        Assert.Empty(report.Changed);
    }

    [Fact]
    public async Task RunAsync_NoFiles_ReplaysTheRuleFilesOnDisk_NoDifferences()
    {
        await using var reactor = await ReactorHarness.StartAsync(Live);
        var (journal, replay) = await StartJournalAsync(reactor, enabled: true);
        await RunLiveAsync(reactor, journal, [Died("m1", 1, _time.GetUtcNow().AddMinutes(-5))]);

        var report = await replay.RunAsync(new ReplayRequest("10m", null, null), CancellationToken.None);

        Assert.Equal(2, report.Events);
        Assert.Empty(report.Added.Concat(report.Removed).Concat(report.Changed).Concat(report.NowErroring));
    }

    [Theory]
    [InlineData("24", null, 400, "window '24'")]
    [InlineData("1h", "rules: [ { name: x, on: a, do: [ { nope: {} } ] } ]", 400, "bad.yaml:1:")]
    public async Task RunAsync_BadRequest_RefusedSayingWhat(string window, string? rules, int status, string says)
    {
        await using var reactor = await ReactorHarness.StartAsync(Live);
        var (_, replay) = await StartJournalAsync(reactor, enabled: true);

        var refused = await Assert.ThrowsAsync<ReplayRefusedException>(() => replay.RunAsync(new ReplayRequest(window, null, rules is null ? null : [new RuleFileText("bad.yaml", rules)]), CancellationToken.None));

        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JournalOff_Conflict()
    {
        await using var reactor = await ReactorHarness.StartAsync(Live);
        var (journal, replay) = await StartJournalAsync(reactor, enabled: false);
        await RunLiveAsync(reactor, journal, [Died("m1", 1, _time.GetUtcNow())]);

        var refused = await Assert.ThrowsAsync<ReplayRefusedException>(() => replay.RunAsync(new ReplayRequest("1h", null, null), CancellationToken.None));

        Assert.Equal(409, refused.StatusCode);
        Assert.Null(await journal.FindAsync(Died("m1", 1, _time.GetUtcNow()).Id, CancellationToken.None));
    }

    private async Task<(EventJournal Journal, RuleReplay Replay)> StartJournalAsync(ReactorHarness reactor, bool enabled)
    {
        var journal = new EventJournal(new SqliteEventJournalStore(reactor.Database), reactor.AuditWriter, Options.Create(new JournalOptions { Enabled = enabled }), _time, NullLogger<EventJournal>.Instance);
        await journal.StartAsync(CancellationToken.None);
        var actions = new ActionRegistry([new EventFireAction(), new LogAction(NullLogger<LogAction>.Instance)]);
        return (journal, new RuleReplay(journal, actions, Options.Create(new ReactorOptions { RulesPath = reactor.RulesPath }), _time));
    }

    // As the reactor's pipeline does: journal the event, then process it; what it fires is chained the same way.
    private static async Task RunLiveAsync(ReactorHarness reactor, EventJournal journal, IEnumerable<EventEnvelope> events)
    {
        foreach (var envelope in events)
        {
            var firedBefore = reactor.Published.Count;
            await journal.ObserveAsync(envelope, CancellationToken.None);
            await reactor.Processor.ProcessAsync(envelope, EventSender.Reactor, CancellationToken.None);
            foreach (var fired in reactor.Published.Skip(firedBefore).ToList())
            {
                var chained = fired with { Time = envelope.Time.AddMilliseconds(1) };
                await journal.ObserveAsync(chained, CancellationToken.None);
                await reactor.Processor.ProcessAsync(chained, EventSender.Reactor, CancellationToken.None);
            }
        }

        await reactor.Audit.ForEventAsync("flush", CancellationToken.None);
    }

    private static EventEnvelope Died(string minion, int exitCode, DateTimeOffset time) => new()
    {
        Id = $"die-{minion}-{time.ToUnixTimeMilliseconds()}",
        Tag = $"minion/{minion}/docker/container/die",
        Source = $"/minion/{minion}",
        Time = time,
        Minion = minion,
        Data = JsonSerializer.SerializeToElement(new { name = "c1", exitCode }),
    };
}
