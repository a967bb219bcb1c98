namespace EventReactor.Reactor.Security;

/// <summary>The API's named tokens (section <c>Reactor:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Tokens given in configuration.</summary>
    public List<ApiTokenOptions> Tokens { get; set; } = [];

    /// <summary>A JSON file <c>{"Tokens": [...]}</c> with more tokens, for secrets mounted as files.</summary>
    public string? TokensFile { get; set; }
}
