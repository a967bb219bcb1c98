namespace EventReactor.Reactor.Security;

/// <summary>The names scopes have in configuration and in problem documents.</summary>
internal static class ApiScopeNames
{
    private static readonly Dictionary<string, ApiScope> ByName = new(StringComparer.Ordinal)
    {
        ["read"] = ApiScope.Read,
        ["events:publish"] = ApiScope.EventsPublish,
        ["commands"] = ApiScope.Commands,
        ["admin"] = ApiScope.Admin,
    };

    public static string All => string.Join(", ", ByName.Keys);

    public static string Name(ApiScope scope) => ByName.Single(pair => pair.Value == scope).Key;

    public static bool TryParse(string name, out ApiScope scope) => ByName.TryGetValue(name, out scope);
}
