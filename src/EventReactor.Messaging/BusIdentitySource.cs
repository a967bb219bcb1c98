namespace EventReactor.Messaging;

/// <summary>Finds the process's <see cref="IBusIdentity"/>: none, or exactly one, whichever part registered it and when.</summary>
internal static class BusIdentitySource
{
    public static IBusIdentity? Single(IEnumerable<IBusIdentity> registered)
    {
        var all = registered.ToList();
        return all.Count <= 1
            ? all.SingleOrDefault()
            : throw new InvalidOperationException($"{all.Count} {nameof(IBusIdentity)} are registered; a process connects with one broker account");
    }
}
