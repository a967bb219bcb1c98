using EventReactor.Core.Actions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Actions;

/// <summary><c>pool.scale</c>: sets a provider pool's desired size; the reconciler provisions or destroys towards it.</summary>
internal sealed class PoolScaleAction(PoolService pools) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "pool.scale",
        "Set the desired size of a pool that has a provider (within its min and max).",
        [
            new("pool", ArgumentKind.String, true, "the pool's name"),
            new("size", ArgumentKind.Integer, true, "the desired number of minions"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var pool = invocation.GetString("pool") ?? throw new ActionArgumentException("'pool' is required");
        var size = invocation.Arguments.GetValueOrDefault("size") switch
        {
            long value and >= 0 and <= int.MaxValue => (int)value,
            var other => throw new ActionArgumentException($"'size' must be a whole number of at least 0, got {Core.Expressions.CelValues.Describe(other)}"),
        };
        await PoolArguments.RunAsync(() => pools.ScaleAsync(pool, size, cancellationToken));
        return new ActionResult($"pool {pool} scaled to {size}");
    }
}
