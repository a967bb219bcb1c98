using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IAuditStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class AuditStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IAuditStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task AppendAsync_TwoBatches_EveryRecordOfTheEventInOrderWithEveryField()
    {
        var action = new ActionAudit("http.post", "rules.yaml:4", JsonDocument.Parse("""{"url":"http://x"}""").RootElement.Clone(), ActionStatus.Failed, null, "503", 3, 12.5);
        var first = Record("e1", RuleOutcome.Failed) with { Actions = [action], Detail = "1 of 1 failed", DurationMs = 13.25 };
        var second = Record("e1", RuleOutcome.Acted) with { Rule = "later", At = T0.AddSeconds(1) };

        await Store.AppendAsync([first, Record("e2", RuleOutcome.Acted)], CancellationToken.None);
        await Store.AppendAsync([second], CancellationToken.None);

        var records = await Store.ForEventAsync("e1", CancellationToken.None);
        Assert.Equal([first with { Actions = [] }, second], records.Select(r => r with { Actions = [] }));
        var stored = Assert.Single(records[0].Actions);
        Assert.Equal(action with { Arguments = null }, stored with { Arguments = null });
        Assert.Equal("http://x", stored.Arguments!.Value.GetProperty("url").GetString());
    }

    [Fact]
    public async Task RecentProblemsAsync_ProblemsAmongOthers_NewestFirstUpToTheLimit()
    {
        await Store.AppendAsync([Record("e1", RuleOutcome.ConditionError), Record("e2", RuleOutcome.ConditionFalse), Record("e3", RuleOutcome.Failed), Record("e4", RuleOutcome.Failed)], CancellationToken.None);

        Assert.Equal(["e4", "e3"], (await Store.RecentProblemsAsync(2, CancellationToken.None)).Select(r => r.EventId));
        Assert.Equal(["e4", "e3", "e1"], (await Store.RecentProblemsAsync(10, CancellationToken.None)).Select(r => r.EventId));
    }

    private static AuditRecord Record(string eventId, RuleOutcome outcome) =>
        new(eventId, "app/deploy", "rule", "rules.yaml:1", outcome, null, [], T0, 1);
}
