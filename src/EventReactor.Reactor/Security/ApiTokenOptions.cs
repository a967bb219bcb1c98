namespace EventReactor.Reactor.Security;

/// <summary>One named API token and what it may do.</summary>
public sealed class ApiTokenOptions
{
    /// <summary>Who holds the token; events it publishes carry <c>/api/NAME</c> as their source.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The token itself; or give <see cref="SecretSha256"/> instead.</summary>
    public string? Secret { get; set; }

    /// <summary>The SHA-256 of the token, in hex, so that the configuration does not hold the token.</summary>
    public string? SecretSha256 { get; set; }

    /// <summary><c>read</c>, <c>events:publish</c>, <c>commands</c>, <c>admin</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Tag globs <c>events:publish</c> allows; a reserved prefix (<c>minion/</c>...) must be named, <c>*</c> does not grant it.</summary>
    public List<string> Publish { get; set; } = [];
}
