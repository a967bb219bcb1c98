namespace EventReactor.Messaging;

/// <summary>Finds the process's <see cref="IBusCredentials"/>: none, or exactly one, whichever part registered it and when.</summary>
internal static class BusCredentialsSource
{
    public static IBusCredentials? Single(IEnumerable<IBusCredentials> registered)
    {
        var all = registered.ToList();
        return all.Count <= 1
            ? all.SingleOrDefault()
            : throw new InvalidOperationException($"{all.Count} {nameof(IBusCredentials)} are registered; a process connects with one broker account");
    }
}
