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

        await Store.AppendAsync([], [first, Record("e2", RuleOutcome.Acted)], CancellationToken.None);
        await Store.AppendAsync([], [second], CancellationToken.None);

        var records = await Store.ForEventAsync("e1", CancellationToken.None);
        Assert.Equal([first with { Actions = [] }, second], records.Select(r => r with { Actions = [] }));
        var stored = Assert.Single(records[0].Actions);
        Assert.Equal(action with { Arguments = null }, stored with { Arguments = null });
        Assert.Equal("http://x", stored.Arguments!.Value.GetProperty("url").GetString());
    }

    [Fact]
    public async Task RecentProblemsAsync_ProblemsAmongOthers_NewestFirstUpToTheLimit()
    {
        await Store.AppendAsync([], [Record("e1", RuleOutcome.ConditionError), Record("e2", RuleOutcome.ConditionFalse), Record("e3", RuleOutcome.Failed), Record("e4", RuleOutcome.Failed)], CancellationToken.None);

        Assert.Equal(["e4", "e3"], (await Store.RecentProblemsAsync(2, CancellationToken.None)).Select(r => r.EventId));
        Assert.Equal(["e4", "e3", "e1"], (await Store.RecentProblemsAsync(10, CancellationToken.None)).Select(r => r.EventId));
    }

    [Fact]
    public async Task TallyAsync_RecordsInAndBeforeTheWindow_CountsPerRuleOnlyInTheWindow()
    {
        static ActionAudit Action(ActionStatus status) => new("log", "rules.yaml:3", null, status, null, status == ActionStatus.Failed ? "boom" : null, 1, 1);
        await Store.AppendAsync(
            [],
            [
                Record("old", RuleOutcome.Failed) with { Rule = "a", At = T0.AddHours(-1), Actions = [Action(ActionStatus.Failed)] },
                Record("e1", RuleOutcome.Acted) with { Rule = "a", Actions = [Action(ActionStatus.Done), Action(ActionStatus.Done)] },
                Record("e2", RuleOutcome.Failed) with { Rule = "a", At = T0.AddSeconds(5), Actions = [Action(ActionStatus.Done), Action(ActionStatus.Failed)] },
                Record("e3", RuleOutcome.Acted) with { Rule = "a", At = T0.AddSeconds(2), Actions = [Action(ActionStatus.Duplicate), Action(ActionStatus.Done)] },
                Record("e4", RuleOutcome.ConditionError) with { Rule = "a", At = T0.AddSeconds(9) },
                Record("e5", RuleOutcome.Throttled) with { Rule = "a" },
                Record("e1", RuleOutcome.ConditionFalse) with { Rule = "b" },
                Record("e2", RuleOutcome.ConditionError) with { Rule = "b" },
            ],
            CancellationToken.None);

        var tally = await Store.TallyAsync(T0, CancellationToken.None);

        Assert.Equal(
            [
                new RuleAuditTally("a", Matched: 5, Fired: 3, ConditionErrors: 1, Throttled: 1, ActionsRun: 5, ActionFailures: 1, LastFired: T0.AddSeconds(5)),
                new RuleAuditTally("b", Matched: 2, Fired: 0, ConditionErrors: 1, Throttled: 0, ActionsRun: 0, ActionFailures: 0, LastFired: null),
            ],
            tally.Rules.OrderBy(r => r.Rule, StringComparer.Ordinal));
        Assert.Equal([new ActionFailureTally("a", 1, 1)], tally.ActionFailures);
    }

    [Fact]
    public async Task TallyAsync_NothingInTheWindow_NoRules()
    {
        await Store.AppendAsync([], [Record("old", RuleOutcome.Acted) with { At = T0.AddDays(-8) }], CancellationToken.None);

        var tally = await Store.TallyAsync(T0.AddDays(-7), CancellationToken.None);

        Assert.Empty(tally.Rules);
        Assert.Empty(tally.ActionFailures);
    }

    private static AuditRecord Record(string eventId, RuleOutcome outcome) =>
        new(eventId, "app/deploy", "rule", "rules.yaml:1", outcome, null, [], T0, 1);
}
