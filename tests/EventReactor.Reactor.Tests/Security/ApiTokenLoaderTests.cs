using System.Security.Cryptography;
using System.Text;
using EventReactor.Reactor.Security;

namespace EventReactor.Reactor.Tests.Security;

public sealed class ApiTokenLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-tokens-").FullName;

    [Fact]
    public void Load_ConfiguredTokens_GivesNamesScopesAndGlobs()
    {
        var options = With(
            new ApiTokenOptions { Name = "ci", Secret = "s1", Scopes = ["read", "events:publish"], Publish = ["ci/*"] },
            new ApiTokenOptions { Name = "ops", SecretSha256 = Sha256("s2"), Scopes = ["commands", "admin"] });

        var tokens = Load(options, out var failures);

        Assert.Empty(failures);
        Assert.Equal(["ci", "ops"], tokens.Select(t => t.Name));
        Assert.Equal([ApiScope.Read, ApiScope.EventsPublish], tokens[0].Scopes.Order());
        Assert.Equal(["ci/*"], tokens[0].Publish.Select(g => g.Pattern));
        Assert.Equal(Convert.FromHexString(Sha256("s2")), tokens[1].SecretHash);
    }

    [Fact]
    public void Load_OldSingleToken_BecomesApiTokenWithEveryScope()
    {
        var tokens = Load(new ReactorOptions { ApiToken = "old" }, out var failures);

        Assert.Empty(failures);
        var token = Assert.Single(tokens);
        Assert.Equal(ApiTokenLoader.LegacyName, token.Name);
        Assert.Equal(Enum.GetValues<ApiScope>(), token.Scopes.Order());
        Assert.True(token.MayPublish("ci/build"));
        Assert.False(token.MayPublish("minion/vm/start"));
    }

    [Theory]
    [InlineData("Reactor:Api:Tokens:0:Scopes: 'write' is not a scope; use read, events:publish, commands, admin", "write")]
    [InlineData("Reactor:Api:Tokens:0:Scopes is empty; give at least one of read, events:publish, commands, admin", null)]
    public void Load_BadScopes_NameTheKey(string expected, string? scope)
    {
        Load(With(new ApiTokenOptions { Name = "t", Secret = "s", Scopes = scope is null ? [] : [scope] }), out var failures);

        Assert.Contains(expected, failures);
    }

    [Fact]
    public void Load_BadEntries_NameTheKeyOfEach()
    {
        Load(
            With(
                new ApiTokenOptions { Name = "has space", Secret = "s0", Scopes = ["read"] },
                new ApiTokenOptions { Name = "both", Secret = "s1", SecretSha256 = Sha256("s1"), Scopes = ["read"] },
                new ApiTokenOptions { Name = "short", SecretSha256 = "abc", Scopes = ["read"] },
                new ApiTokenOptions { Name = "globs", Secret = "s3", Scopes = ["read"], Publish = ["ci/*"] },
                new ApiTokenOptions { Name = "noglobs", Secret = "s4", Scopes = ["events:publish"] }),
            out var failures);

        Assert.Equal(
            [
                "Reactor:Api:Tokens:0:Name 'has space' must be letters, digits, '.', '_' or '-'",
                "Reactor:Api:Tokens:1: give one of Secret or SecretSha256",
                "Reactor:Api:Tokens:2:SecretSha256 'abc' is not 64 hex digits (sha256sum of the token)",
                "Reactor:Api:Tokens:3:Publish: the tag globs and the events:publish scope go together; give both or neither",
                "Reactor:Api:Tokens:4:Publish: the tag globs and the events:publish scope go together; give both or neither",
            ],
            failures);
    }

    [Fact]
    public void Load_DuplicateNamesOrSecrets_AreRefused()
    {
        Load(
            With(
                new ApiTokenOptions { Name = "a", Secret = "same", Scopes = ["read"] },
                new ApiTokenOptions { Name = "a", Secret = "other", Scopes = ["read"] },
                new ApiTokenOptions { Name = "b", SecretSha256 = Sha256("same"), Scopes = ["read"] }),
            out var failures);

        Assert.Contains("Reactor:Api:Tokens: the name 'a' is given to more than one token", failures);
        Assert.Contains("Reactor:Api:Tokens: two tokens have the same secret, so a request could not say which one it holds", failures);
    }

    [Fact]
    public void Load_TokensFile_AddsItsTokens()
    {
        var file = Path.Combine(_folder, "tokens.json");
        File.WriteAllText(file, """{"Tokens": [{"Name": "grafana", "SecretSha256": "%HASH%", "Scopes": ["read"]}]}""".Replace("%HASH%", Sha256("g"), StringComparison.Ordinal));

        var tokens = Load(new ReactorOptions { Api = new ApiOptions { TokensFile = file } }, out var failures);

        Assert.Empty(failures);
        Assert.Equal("grafana", Assert.Single(tokens).Name);
    }

    [Fact]
    public void Load_TokensFileMissingOrBad_NamesTheKeyAndFile()
    {
        var bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, """{"Tokens": [{"Name": "x", "Secret": "y", "Scopes": ["root"]}]}""");
        var missing = Path.Combine(_folder, "missing.json");

        Load(new ReactorOptions { Api = new ApiOptions { TokensFile = missing } }, out var missingFailures);
        Load(new ReactorOptions { Api = new ApiOptions { TokensFile = bad } }, out var badFailures);

        Assert.StartsWith($"Reactor:Api:TokensFile '{missing}': ", Assert.Single(missingFailures), StringComparison.Ordinal);
        Assert.Equal($"Reactor:Api:TokensFile '{bad}': Tokens:0:Scopes: 'root' is not a scope; use read, events:publish, commands, admin", Assert.Single(badFailures));
    }

    [Fact]
    public void Validate_NotLoopbackWithoutToken_NamesTheTokenKeys()
    {
        var result = new ReactorOptionsValidator().Validate(null, new ReactorOptions { Http = "http://0.0.0.0:7070" });

        Assert.Contains("set Reactor:Api:Tokens, Reactor:ApiToken or EVENTREACTOR_API_TOKEN", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ReactorOptions With(params ApiTokenOptions[] tokens) => new() { Api = new ApiOptions { Tokens = [.. tokens] } };

    private static List<ApiCredential> Load(ReactorOptions options, out List<string> failures)
    {
        failures = [];
        return [.. ApiTokenLoader.Load(options, failures)];
    }

    private static string Sha256(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
