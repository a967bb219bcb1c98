using EventReactor.Core.Evaluation;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class InMemoryThrottleGateTests : ThrottleGateContract
{
    public InMemoryThrottleGateTests()
    {
        Gate = new ThrottleGate(Time);
    }

    private protected override IThrottleGate Gate { get; }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
