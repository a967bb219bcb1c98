using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Core.Rules;
using EventReactor.Core.Tags;

namespace EventReactor.Core.Tests.Evaluation.Replay;

public sealed class ReplaySessionTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    private const string DieRule = """
        rules:
          - name: announce
            on: minion/*/docker/container/die
            when: event.data.exitCode != 0
            do:
              - log: { message: "died ${{ event.data.exitCode }}" }
        """;

    [Fact]
    public void Replay_SameRules_NoDifferences()
    {
        var report = Replay(DieRule, Dies(0, 1, 2, 3));

        Assert.Equal(4, report.Events);
        Assert.Empty(report.Added);
        Assert.Empty(report.Removed);
        Assert.Empty(report.Changed);
        Assert.Empty(report.NowErroring);
    }

    [Fact]
    public void Replay_ChangedCondition_RemovedReactionsWithTheCandidatesReason()
    {
        var events = Dies(1, 2, 3, 0);
        var report = Replay(DieRule.Replace("event.data.exitCode != 0", "event.data.exitCode > 1"), events);

        var removed = Assert.Single(report.Removed);
        Assert.Equal(("announce", "log", 1, 1), (removed.Rule, removed.Action, removed.ActionIndex, removed.Events));
        var example = Assert.Single(removed.Examples);
        Assert.Equal(events[0].Event.Id, example.EventId);
        Assert.Equal("""{"message":"died 1"}""", example.Before?.GetRawText());
        Assert.StartsWith("condition false", example.Detail);
        Assert.Empty(report.Added);
    }

    [Fact]
    public void Replay_WiderCondition_AddedReactionsWithTheLiveReason()
    {
        var report = Replay(DieRule.Replace("event.data.exitCode != 0", "true"), Dies(0, 5));

        var added = Assert.Single(report.Added);
        Assert.Equal(1, added.Events);
        Assert.Equal("""{"message":"died 0"}""", added.Examples[0].After?.GetRawText());
        Assert.StartsWith("condition false", added.Examples[0].Detail);
    }

    [Fact]
    public void Replay_ChangedArgument_ChangedWithBeforeAndAfter()
    {
        var report = Replay(DieRule.Replace("died ${{", "exited ${{"), Dies(3, 4));

        var changed = Assert.Single(report.Changed);
        Assert.Equal(2, changed.Events);
        Assert.Equal("""{"message":"died 3"}""", changed.Examples[0].Before?.GetRawText());
        Assert.Equal("""{"message":"exited 3"}""", changed.Examples[0].After?.GetRawText());
        Assert.Empty(report.Added);
        Assert.Empty(report.Removed);
    }

    [Fact]
    public void Replay_ConditionNowErrors_ReportedPerRule()
    {
        var report = Replay(DieRule.Replace("event.data.exitCode != 0", "event.data.missing.code != 0"), Dies(1, 2));

        var erroring = Assert.Single(report.NowErroring);
        Assert.Equal(("announce", null, null, 2), (erroring.Rule, erroring.Action, erroring.ActionIndex, erroring.Events));
        Assert.StartsWith("condition error", erroring.Examples[0].Detail);
        Assert.Equal(2, Assert.Single(report.Removed).Events);
    }

    [Fact]
    public void Replay_NewThrottle_SimulatedInEventTimeOrder()
    {
        // One failure a minute for ten minutes on one minion; a 5-minute throttle lets the 1st and the 6th through.
        var events = Enumerable.Range(0, 10).Select(i => LiveRecorder.Event("minion/m1/docker/container/die", T0.AddMinutes(i), new { exitCode = 1 }, "m1"));
        var candidate = DieRule.Replace("    do:", "    throttle: { once_within: 5m, key: \"${{ event.minion }}\" }\n    do:");

        var report = Replay(candidate, new LiveRecorder(Load(DieRule)).Record(events));

        var removed = Assert.Single(report.Removed);
        Assert.Equal(8, removed.Events);
        Assert.StartsWith("throttled", removed.Examples[0].Detail);
    }

    [Fact]
    public void Replay_AddedEventFire_ShowsWhatTheFiredEventTriggers()
    {
        var withChain = DieRule + """

              - name: page
                on: ops/died
                do:
                  - log: { message: "page about ${{ event.data.code }}" }
            """;
        var candidate = withChain.Replace("""      - log: { message: "died ${{ event.data.exitCode }}" }""", """
                  - log: { message: "died ${{ event.data.exitCode }}" }
                  - event.fire: { tag: ops/died, data: { code: "${{ event.data.exitCode }}" } }
            """.TrimEnd());
        var events = Dies(7);

        var report = Replay(candidate, events);

        Assert.Equal(2, report.Added.Count);
        var fire = Assert.Single(report.Added, d => d.Rule == "announce");
        Assert.Equal(("event.fire", 2), (fire.Action, fire.ActionIndex));
        var page = Assert.Single(report.Added, d => d.Rule == "page");
        var example = Assert.Single(page.Examples);
        Assert.Equal(events[0].Event.Id, example.EventId);
        Assert.Equal("ops/died", example.EventTag);
        Assert.Equal("minion/m1/docker/container/die → ops/died", example.ChainedFrom);
        Assert.Equal("""{"message":"page about 7"}""", example.After?.GetRawText());
    }

    [Fact]
    public void Replay_LiveChain_ComparedWithTheLiveChainedEvent()
    {
        const string Live = """
            rules:
              - name: announce
                on: minion/*/docker/container/die
                do:
                  - event.fire: { tag: ops/died, data: { code: "${{ event.data.exitCode }}" } }
              - name: page
                on: ops/died
                do:
                  - log: { message: "page ${{ event.data.code }}" }
            """;
        var events = new LiveRecorder(Load(Live)).Record([LiveRecorder.Event("minion/m1/docker/container/die", T0, new { exitCode = 2 }, "m1")]);

        var report = Replay(Live.Replace("tag: ops/died, data: { code:", "tag: ops/died, data: { code: \"x\", was:"), events);

        Assert.Equal((2, 1), (report.Events, report.Chained));
        Assert.Equal(2, report.Changed.Count);
        var page = Assert.Single(report.Changed, d => d.Rule == "page");
        Assert.Equal(events[1].Event.Id, page.Examples[0].EventId);
        Assert.Equal("""{"message":"page 2"}""", page.Examples[0].Before?.GetRawText());
        Assert.Equal("""{"message":"page x"}""", page.Examples[0].After?.GetRawText());
        Assert.Empty(report.Added);
    }

    [Fact]
    public void Replay_RemovedEventFire_TheLiveChainedReactionsAreRemoved()
    {
        const string Live = """
            rules:
              - name: announce
                on: a
                do:
                  - event.fire: { tag: b }
              - name: follow
                on: b
                do:
                  - log: { message: "b" }
            """;
        var events = new LiveRecorder(Load(Live)).Record([LiveRecorder.Event("a", T0, new { })]);

        var report = Replay(Live.Replace("on: a", "on: z"), events);

        Assert.Equal(["announce", "follow"], report.Removed.Select(d => d.Rule).Order());
        Assert.Equal(events[1].Event.Id, Assert.Single(report.Removed, d => d.Rule == "follow").Examples[0].EventId);
    }

    [Fact]
    public void Replay_ChainThatLoops_StopsAtTheDepthLimit()
    {
        const string Loop = """
            rules:
              - name: again
                on: loop
                do:
                  - event.fire: { tag: loop }
            """;
        var events = new LiveRecorder(Load("rules: []"), 3).Record([LiveRecorder.Event("loop", T0, new { })]);

        var report = Replay(new ReplaySession(Load(Loop), 3, null), events);

        // Depths 0 to 3 act; the event at depth 4 is past the limit.
        Assert.Equal(4, Assert.Single(report.Added).Events);
    }

    [Fact]
    public void Replay_TagGlob_OnlyMatchingEventsReplayed()
    {
        var events = Dies(1, 2).Concat(new LiveRecorder(Load(DieRule)).Record([LiveRecorder.Event("minion/m2/docker/container/die", T0.AddHours(1), new { exitCode = 3 }, "m2")])).ToList();

        var report = Replay(new ReplaySession(Load(DieRule.Replace("!= 0", "> 5")), 8, TagGlob.Parse("minion/m2/*")), events);

        Assert.Equal(1, report.Events);
        Assert.Equal(1, Assert.Single(report.Removed).Events);
    }

    [Fact]
    public void Replay_EventTheLiveReactorRefused_SkippedNotCompared()
    {
        var envelope = LiveRecorder.Event("minion/m9/docker/container/die", T0, new { exitCode = 1 }, "m9");
        var refused = new RecordedEvent(envelope, [new AuditRecord(envelope.Id, envelope.Tag, "announce", "r.yaml:1:1", RuleOutcome.Untrusted, "key not accepted", [], T0, 0)]);

        var report = Replay(new ReplaySession(Load(DieRule), 8, null), [refused]);

        Assert.Equal((0, 1), (report.Events, report.Skipped));
        Assert.Empty(report.Added);
    }

    [Fact]
    public void Replay_EvaluationInterruptedBetweenActions_ComparedWithItsRedeliveryNoDifferences()
    {
        const string TwoActions = """
            rules:
              - name: announce
                on: minion/*/docker/container/die
                do:
                  - log: { message: first }
                  - log: { message: second }
            """;
        var recorded = Assert.Single(new LiveRecorder(Load(TwoActions)).Record([LiveRecorder.Event("minion/m1/docker/container/die", T0, new { exitCode = 1 }, "m1")]));
        var full = Assert.Single(recorded.Audit);
        var interrupted = full with { Actions = [full.Actions[0]], Detail = "interrupted after 1 of 2 actions" };
        var redelivered = full with { Actions = [full.Actions[0] with { Status = ActionStatus.Duplicate }, full.Actions[1]] };

        var report = Replay(TwoActions, [recorded with { Audit = [interrupted, redelivered] }]);

        Assert.Equal(1, report.Events);
        Assert.Empty(report.Added);
        Assert.Empty(report.Removed);
        Assert.Empty(report.Changed);
    }

    private static List<RecordedEvent> Dies(params int[] exitCodes) =>
        new LiveRecorder(Load(DieRule)).Record(exitCodes.Select((code, i) => LiveRecorder.Event("minion/m1/docker/container/die", T0.AddSeconds(i), new { exitCode = code }, "m1")));

    private static ReplayReport Replay(string candidate, List<RecordedEvent> journal) => Replay(new ReplaySession(Load(candidate), 8, null), journal);

    private static ReplayReport Replay(ReplaySession session, List<RecordedEvent> journal)
    {
        journal.ForEach(session.Add);
        return session.Finish(T0, T0.AddDays(1));
    }

    private static RuleSet Load(string text) => new RuleSetLoader(TestActions.Catalog).Load([("r.yaml", text)]).GetValidRuleSet();
}
