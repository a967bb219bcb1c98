namespace EventReactor.Contracts.Minions;

/// <summary>The tags a minion publishes, <c>minion/&lt;id&gt;/...</c>, and their parser.</summary>
public static class MinionTags
{
    private const string Prefix = "minion/";
    private const string ContainerEventInfix = "docker/container/";

    public static string Start(string minion) => $"{Prefix}{minion}/start";

    public static string Heartbeat(string minion) => $"{Prefix}{minion}/heartbeat";

    public static string Stop(string minion) => $"{Prefix}{minion}/stop";

    public static string Inventory(string minion) => $"{Prefix}{minion}/inventory";

    public static string ContainerEvent(string minion, string action) => $"{Prefix}{minion}/{ContainerEventInfix}{action}";

    public static string ContainerMetrics(string minion) => $"{Prefix}{minion}/metrics";

    public static string HostMetrics(string minion) => $"{Prefix}{minion}/metrics/host";

    /// <summary>The <c>source</c> of a minion's events.</summary>
    public static string Source(string minion) => $"/{Prefix}{minion}";

    /// <summary>Reads any <c>minion/&lt;id&gt;/...</c> tag (or <c>minion/&lt;id&gt;</c>); false for other tags or an empty id.</summary>
    public static bool TryParse(string tag, out MinionTag parsed)
    {
        parsed = default;
        if (!tag.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = tag.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        var minion = slash < 0 ? rest : rest[..slash];
        if (minion.IsEmpty)
        {
            return false;
        }

        var kind = slash < 0 ? string.Empty : rest[(slash + 1)..].ToString();
        parsed = kind switch
        {
            "start" => new MinionTag(minion.ToString(), MinionEventKind.Start),
            "heartbeat" => new MinionTag(minion.ToString(), MinionEventKind.Heartbeat),
            "stop" => new MinionTag(minion.ToString(), MinionEventKind.Stop),
            "inventory" => new MinionTag(minion.ToString(), MinionEventKind.Inventory),
            "metrics" => new MinionTag(minion.ToString(), MinionEventKind.ContainerMetrics),
            "metrics/host" => new MinionTag(minion.ToString(), MinionEventKind.HostMetrics),
            _ when kind.StartsWith(ContainerEventInfix, StringComparison.Ordinal) && kind.Length > ContainerEventInfix.Length && !kind.AsSpan(ContainerEventInfix.Length).Contains('/')
                => new MinionTag(minion.ToString(), MinionEventKind.ContainerEvent, kind[ContainerEventInfix.Length..]),
            _ => new MinionTag(minion.ToString(), MinionEventKind.Other),
        };
        return true;
    }

    /// <summary>Whether the tag is <paramref name="kind"/> of some minion.</summary>
    public static bool Is(string tag, MinionEventKind kind) => TryParse(tag, out var parsed) && parsed.Kind == kind;
}
