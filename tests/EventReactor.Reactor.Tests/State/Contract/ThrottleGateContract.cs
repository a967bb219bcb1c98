using EventReactor.Core.Evaluation;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IThrottleGate"/> the reactor keeps must do; each implementation runs it through a subclass.</summary>
public abstract class ThrottleGateContract : IAsyncDisposable
{
    private protected static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private protected ManualTime Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    /// <summary>A gate over empty state, reading <see cref="Time"/>.</summary>
    private protected abstract IThrottleGate Gate { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public void TryPass_FirstTime_Passes() => Assert.True(Gate.TryPass("r", "k", Window));

    [Fact]
    public void TryPass_WithinTheWindow_Refused()
    {
        Gate.TryPass("r", "k", Window);
        Time.Advance(Window - TimeSpan.FromMilliseconds(1));

        Assert.False(Gate.TryPass("r", "k", Window));
    }

    [Fact]
    public void TryPass_WindowPassed_PassesAgainAndStartsANewWindow()
    {
        Gate.TryPass("r", "k", Window);
        Time.Advance(Window);

        Assert.True(Gate.TryPass("r", "k", Window));
        Assert.False(Gate.TryPass("r", "k", Window));
    }

    [Fact]
    public void TryPass_OtherKeyOrRule_HasAWindowOfItsOwn()
    {
        Gate.TryPass("r", "k", Window);

        Assert.Equal((true, true), (Gate.TryPass("r", "other", Window), Gate.TryPass("other", "k", Window)));
    }

    [Fact]
    public async Task TryPass_ManyAtOnce_ExactlyOnePasses()
    {
        var passes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Gate.TryPass("r", "k", Window))));

        Assert.Single(passes, passed => passed);
    }
}
