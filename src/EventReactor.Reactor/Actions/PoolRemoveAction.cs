using EventReactor.Core.Actions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Actions;

/// <summary><c>pool.remove</c>: ends a minion's explicit membership of a pool.</summary>
internal sealed class PoolRemoveAction(PoolService pools) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "pool.remove",
        "Remove a minion that was added to a pool explicitly.",
        [
            new("pool", ArgumentKind.String, true, "the pool's name"),
            new("minion", ArgumentKind.String, true, "the minion id"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var (pool, minion) = PoolArguments.PoolAndMinion(invocation);
        await PoolArguments.RunAsync(() => pools.RemoveAsync(pool, minion, cancellationToken));
        return new ActionResult($"removed {minion} from pool {pool}");
    }
}
