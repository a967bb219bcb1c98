using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Tests.Docker;

public sealed class ContainerReconcilerTests
{
    private const long Now = 9_000;
    private static readonly Dictionary<string, string> NoLabels = [];

    [Fact]
    public void Diff_KnownRunningNowExited_EmitsDieWithExitCode()
    {
        var known = Known(new ContainerState("a", "web", "img", true, "start", 100));

        var missed = ContainerReconciler.Diff(known, [Observed("a", running: false, started: 100, finished: 500, exit: 137)], Now);

        var die = Assert.Single(missed);
        Assert.Equal(("a", "die", 500L, (long?)137), (die.ContainerId, die.Action, die.TimeNano, die.ExitCode));
    }

    [Fact]
    public void Diff_UnknownContainerThatRanAndExited_EmitsStartThenDie()
    {
        var missed = ContainerReconciler.Diff(Known(), [Observed("b", running: false, started: 200, finished: 300, exit: 3)], Now);

        Assert.Equal(["start", "die"], missed.Select(t => t.Action));
        Assert.Equal(3, missed[1].ExitCode);
    }

    [Fact]
    public void Diff_UnknownRunningContainer_EmitsStart()
    {
        var missed = ContainerReconciler.Diff(Known(), [Observed("c", running: true, started: 200)], Now);

        Assert.Equal(("c", "start", 200L), (Assert.Single(missed).ContainerId, missed[0].Action, missed[0].TimeNano));
    }

    [Fact]
    public void Diff_KnownRunningNowGone_EmitsDieWithoutExitCodeThenDestroy()
    {
        var known = Known(new ContainerState("d", "db", "img", true, "start", 100));

        var missed = ContainerReconciler.Diff(known, [], Now);

        Assert.Equal(["die", "destroy"], missed.Select(t => t.Action));
        Assert.Null(missed[0].ExitCode);
    }

    [Fact]
    public void Diff_NothingChanged_EmitsNothing()
    {
        var known = Known(new ContainerState("a", "web", "img", true, "start", 100), new ContainerState("b", "job", "img", false, "die", 500));

        var missed = ContainerReconciler.Diff(known, [Observed("a", running: true, started: 100), Observed("b", running: false, started: 200, finished: 480, exit: 0)], Now);

        Assert.Empty(missed);
    }

    [Fact]
    public void Diff_AlreadyDestroyed_IsNotDestroyedAgain()
    {
        var missed = ContainerReconciler.Diff(Known(new ContainerState("e", null, null, false, "destroy", 100)), [], Now);

        Assert.Empty(missed);
    }

    [Fact]
    public void Diff_SeveralContainers_OrdersByEngineTime()
    {
        var missed = ContainerReconciler.Diff(Known(), [Observed("late", false, 400, 700, 0), Observed("early", false, 100, 200, 1)], Now);

        Assert.Equal(["early/start", "early/die", "late/start", "late/die"], missed.Select(t => $"{t.ContainerId}/{t.Action}"));
    }

    private static Dictionary<string, ContainerState> Known(params ContainerState[] states) => states.ToDictionary(s => s.Id);

    private static ObservedContainer Observed(string id, bool running, long started, long finished = 0, long? exit = null) =>
        new(id, id, "img", running, started, finished, running ? null : exit, NoLabels);
}
