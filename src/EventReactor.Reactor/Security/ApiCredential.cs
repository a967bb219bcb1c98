using EventReactor.Core.Tags;

namespace EventReactor.Reactor.Security;

/// <summary>A configured token: its name, the SHA-256 of its secret (never the secret), its scopes and publish globs.</summary>
internal sealed class ApiCredential(string name, byte[] secretHash, IReadOnlySet<ApiScope> scopes, IReadOnlyList<TagGlob> publish)
{
    public string Name => name;

    public byte[] SecretHash => secretHash;

    public IReadOnlySet<ApiScope> Scopes => scopes;

    public IReadOnlyList<TagGlob> Publish => publish;

    public bool Has(ApiScope scope) => scopes.Contains(scope);

    /// <summary>
    /// True when a publish glob matches the tag; for a reserved tag the glob must also name its prefix, so that
    /// <c>*</c> never lets a token speak for a minion or the reactor.
    /// </summary>
    public bool MayPublish(string tag)
    {
        if (!Has(ApiScope.EventsPublish))
        {
            return false;
        }

        var reserved = ReservedTags.PrefixOf(tag);
        return publish.Any(glob => glob.IsMatch(tag) && (reserved is null || glob.LiteralPrefix.StartsWith(reserved, StringComparison.Ordinal)));
    }
}
