using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Actions;

/// <summary>Argument handling the pool actions share; a pool error is a bad argument, so it is not retried as a transient failure.</summary>
internal static class PoolArguments
{
    public static (string Pool, string Minion) PoolAndMinion(ActionInvocation invocation) =>
        (invocation.GetString("pool") ?? throw new ActionArgumentException("'pool' is required"),
         invocation.GetString("minion") ?? throw new ActionArgumentException("'minion' is required"));

    public static async Task RunAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (PoolException ex)
        {
            throw new ActionArgumentException(ex.Message);
        }
    }
}
