namespace EventReactor.Reactor;

/// <summary>Settings of the reactor (section <c>Reactor</c>).</summary>
public sealed class ReactorOptions
{
    public const string Section = "Reactor";

    /// <summary>The folder of rule files (<c>*.yaml</c>).</summary>
    public string RulesPath { get; set; } = "reactors";

    /// <summary>The folder for the reactor's state.</summary>
    public string DataPath { get; set; } = ".eventreactor";

    /// <summary>The HTTP API's address.</summary>
    public string Http { get; set; } = "http://127.0.0.1:7070";

    /// <summary>The API's address as a client on this host reaches it: the first of <see cref="Http"/>, a wildcard host made 127.0.0.1.</summary>
    public string LocalApiUrl()
    {
        var first = Http.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? Http;
        return first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Bearer token the HTTP API requires; also read from <c>EVENTREACTOR_API_TOKEN</c>. Without one, the API listens on loopback only.</summary>
    public string? ApiToken { get; set; }

    /// <summary>A file holding the API token (first line), for secrets mounted as files.</summary>
    public string? ApiTokenFile { get; set; }

    /// <summary>The pools file; a missing file means no pools.</summary>
    public string PoolsFile { get; set; } = "config/pools.yaml";

    /// <summary>Events deeper than this in a causation chain are not acted on: it cuts reaction loops.</summary>
    public int MaxDepth { get; set; } = 8;
}
