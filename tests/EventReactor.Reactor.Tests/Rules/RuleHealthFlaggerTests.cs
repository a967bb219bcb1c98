using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Rules;

public sealed class RuleHealthFlaggerTests
{
    private static readonly RuleHealthFlagger Flagger = new(Options.Create(new RuleHealthOptions()));

    [Fact]
    public void Flag_NoMatch_NeverMatchedOnly()
    {
        var flags = Flagger.Flag(Tally(matched: 0, fired: 0, conditionErrors: 0), [new RuleActionStats(0, "log", "r.yaml:3:9", 0)]);

        Assert.Equal(RuleHealthFlagKind.NeverMatched, Assert.Single(flags).Kind);
    }

    [Fact]
    public void Flag_ConditionErrorsOnMostMatches_ConditionErrorsWithTheNumbers()
    {
        var flag = Assert.Single(Flagger.Flag(Tally(matched: 10, fired: 1, conditionErrors: 6), []));

        Assert.Equal(RuleHealthFlagKind.ConditionErrors, flag.Kind);
        Assert.Equal("condition errors on 6 of 10 matches", flag.Detail);
    }

    [Fact]
    public void Flag_ConditionErrorsOnExactlyHalf_NotFlagged()
    {
        Assert.Empty(Flagger.Flag(Tally(matched: 10, fired: 5, conditionErrors: 5), []));
    }

    [Fact]
    public void Flag_AllErrorsButFewerMatchesThanTheSample_NotFlagged()
    {
        Assert.Empty(Flagger.Flag(Tally(matched: 4, fired: 0, conditionErrors: 4), []));
    }

    [Fact]
    public void Flag_SecondActionFailsOnMostFirings_FailingActionNamingIt()
    {
        var actions = new[] { new RuleActionStats(0, "log", "r.yaml:3:9", 1), new RuleActionStats(1, "http.post", "r.yaml:4:9", 8) };

        var flag = Assert.Single(Flagger.Flag(Tally(matched: 12, fired: 10, conditionErrors: 0), actions));

        Assert.Equal(new RuleHealthFlag(RuleHealthFlagKind.FailingAction, "action 2 (http.post) failed on 8 of 10 firings", 1), flag);
    }

    [Fact]
    public void Flag_StricterShareFromOptions_FlagsWhatTheDefaultDoesNot()
    {
        var strict = new RuleHealthFlagger(Options.Create(new RuleHealthOptions { ActionFailureShare = 0.1, MinimumSample = 1 }));
        var actions = new[] { new RuleActionStats(0, "log", "r.yaml:3:9", 2) };

        Assert.Empty(Flagger.Flag(Tally(matched: 10, fired: 10, conditionErrors: 0), actions));
        Assert.Equal(RuleHealthFlagKind.FailingAction, Assert.Single(strict.Flag(Tally(matched: 10, fired: 10, conditionErrors: 0), actions)).Kind);
    }

    private static RuleAuditTally Tally(long matched, long fired, long conditionErrors) =>
        new("rule", matched, fired, conditionErrors, Throttled: 0, ActionsRun: fired, ActionFailures: 0, LastFired: null);
}
