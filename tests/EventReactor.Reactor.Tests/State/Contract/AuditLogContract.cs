using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IAuditLog"/> must do; each implementation runs it through a subclass.</summary>
public abstract class AuditLogContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A started audit log over empty state.</summary>
    private protected abstract IAuditLog Audit { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task ForEventAsync_RecordedJustBefore_EveryRecordOfThatEventInOrderWithEveryField()
    {
        var action = new ActionAudit("event.fire", "rules.yaml:3", JsonDocument.Parse("""{"tag":"x"}""").RootElement.Clone(), ActionStatus.Done, "ok", null, 1, 0.5);
        var first = new AuditRecord("e1", "app/deploy", "b-rule", "rules.yaml:1", RuleOutcome.Acted, null, [action], T0, 1.25);
        var second = new AuditRecord("e1", "app/deploy", "a-rule", "rules.yaml:9", RuleOutcome.ConditionFalse, "x > 1", [], T0.AddMilliseconds(1), 0.5);
        Audit.Record(first);
        Audit.Record(new AuditRecord("e2", "app/other", "b-rule", "rules.yaml:1", RuleOutcome.Acted, null, [], T0, 1));
        Audit.Record(second);

        var records = await Audit.ForEventAsync("e1", CancellationToken.None);

        Assert.Equal(["b-rule", "a-rule"], records.Select(r => r.Rule));
        Assert.Equal(first with { Actions = [] }, records[0] with { Actions = [] });
        Assert.Equal(second, records[1] with { Actions = [] });
        var stored = Assert.Single(records[0].Actions);
        Assert.Equal(("event.fire", ActionStatus.Done, "x"), (stored.Action, stored.Status, stored.Arguments!.Value.GetProperty("tag").GetString()));
    }

    [Fact]
    public async Task RecentProblemsAsync_FailuresAmongSuccesses_OnlyProblemsNewestFirstUpToTheLimit()
    {
        Audit.Record(Record("e1", RuleOutcome.Failed));
        Audit.Record(Record("e2", RuleOutcome.Acted));
        Audit.Record(Record("e3", RuleOutcome.ConditionError));
        Audit.Record(Record("e4", RuleOutcome.Failed));
        await Audit.ForEventAsync("e4", CancellationToken.None);

        var problems = await Audit.RecentProblemsAsync(2, CancellationToken.None);

        Assert.Equal(["e4", "e3"], problems.Select(r => r.EventId));
    }

    [Fact]
    public async Task ForEventAsync_UnknownEvent_Empty() => Assert.Empty(await Audit.ForEventAsync("nope", CancellationToken.None));

    private static AuditRecord Record(string eventId, RuleOutcome outcome) =>
        new(eventId, "app/deploy", "rule", "rules.yaml:1", outcome, null, [], T0, 1);
}
