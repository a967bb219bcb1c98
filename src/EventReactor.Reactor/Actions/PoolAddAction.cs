using EventReactor.Core.Actions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Actions;

/// <summary><c>pool.add</c>: makes a minion an explicit member of a pool.</summary>
internal sealed class PoolAddAction(PoolService pools) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "pool.add",
        "Add a minion to a pool explicitly; it stays a member until pool.remove.",
        [
            new("pool", ArgumentKind.String, true, "the pool's name"),
            new("minion", ArgumentKind.String, true, "the minion id"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var (pool, minion) = PoolArguments.PoolAndMinion(invocation);
        await PoolArguments.RunAsync(() => pools.AddAsync(pool, minion, cancellationToken));
        return new ActionResult($"added {minion} to pool {pool}");
    }
}
